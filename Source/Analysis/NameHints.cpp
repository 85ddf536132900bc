#include "Analysis/NameHints.h"
#include <cctype>
#include <cstdlib>

namespace loopmind::analysis::detail {
namespace {
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
} // namespace

std::vector<std::string> nameTokens(const std::string& name)
{
    std::vector<std::string> tokens;
    std::string current;
    int kind = 0; // 1 letters, 2 digits
    auto flush = [&] {
        if (!current.empty())
            tokens.push_back(current);
        current.clear();
        kind = 0;
    };
    for (char c : name) {
        const int k = isLetter(c) ? 1 : isDigit(c) ? 2 : 0;
        if (k != kind)
            flush();
        if (k != 0) {
            current.push_back(char(std::tolower(static_cast<unsigned char>(c))));
            kind = k;
        }
    }
    flush();
    return tokens;
}

std::vector<double> numbersInName(const std::string& name)
{
    std::vector<double> numbers;
    for (size_t i = 0; i < name.size();) {
        if (!isDigit(name[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < name.size() && isDigit(name[end]))
            ++end;
        // A decimal point only counts when digits follow it ("97.5bpm", not "loop 97.wav").
        if (end + 1 < name.size() && name[end] == '.' && isDigit(name[end + 1])) {
            ++end;
            while (end < name.size() && isDigit(name[end]))
                ++end;
        }
        numbers.push_back(std::strtod(name.substr(i, end - i).c_str(), nullptr));
        i = end;
    }
    return numbers;
}

std::vector<double> tempoMarkedNumbersInName(const std::string& name)
{
    std::string lower(name);
    for (char& c : lower)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    auto isSeparator = [](char c) { return c == ' ' || c == '_' || c == '-'; };
    std::vector<double> numbers;
    for (size_t at = lower.find("bpm"); at != std::string::npos; at = lower.find("bpm", at + 3)) {
        // "120bpm", "120 BPM", "97.5_bpm": the number just before; else "bpm120", "BPM 120": just after.
        size_t end = at;
        while (end > 0 && isSeparator(lower[end - 1]))
            --end;
        size_t begin = end;
        while (begin > 0 && (isDigit(lower[begin - 1]) || lower[begin - 1] == '.'))
            --begin;
        if (begin < end && isDigit(lower[begin])) {
            numbers.push_back(std::strtod(lower.substr(begin, end - begin).c_str(), nullptr));
            continue;
        }
        size_t from = at + 3;
        while (from < lower.size() && isSeparator(lower[from]))
            ++from;
        if (from < lower.size() && isDigit(lower[from]))
            numbers.push_back(std::strtod(lower.c_str() + from, nullptr));
    }
    return numbers;
}

} // namespace loopmind::analysis::detail
