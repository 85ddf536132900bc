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

namespace {
/** Tokens for keys: runs of letters and '#' (kept: "F#m"), case kept (a lone "m" means minor, "FM" does not). */
std::vector<std::string> keyTokens(const std::string& name)
{
    std::vector<std::string> tokens;
    std::string current;
    for (char c : name) {
        if (isLetter(c) || c == '#') {
            current.push_back(c);
            continue;
        }
        if (!current.empty())
            tokens.push_back(current);
        current.clear();
    }
    if (!current.empty())
        tokens.push_back(current);
    return tokens;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/** "m" (lower case only: "FM" is a synth), "min", "minor" -> 1; "maj", "major" -> 0; anything else -> -1. */
int modeWord(const std::string& w)
{
    const auto l = lower(w);
    if (w == "m" || l == "min" || l == "minor")
        return 1;
    if (l == "maj" || l == "major")
        return 0;
    return -1;
}

/** One token as a key: a note letter, an optional accidental ("#", a lower-case "b", "sharp", "flat"), an
    optional mode; `next` may carry the mode ("C# minor"). */
std::optional<KeyHint> tokenKey(const std::string& t, const std::string& next)
{
    const char letter = t.empty() ? '\0' : char(std::tolower(static_cast<unsigned char>(t[0])));
    if (letter < 'a' || letter > 'g')
        return std::nullopt;
    constexpr int letterPitch[] = { 9, 11, 0, 2, 4, 5, 7 }; // a..g
    int pitch = letterPitch[letter - 'a'];
    std::string rest = t.substr(1);
    bool accidental = false;
    for (const auto& [spelling, shift] : { std::pair<const char*, int> { "sharp", 1 }, { "flat", -1 }, { "#", 1 }, { "b", -1 } }) {
        const std::string a(spelling);
        const auto head = a.size() > 1 ? lower(rest.substr(0, a.size())) : rest.substr(0, a.size()); // "b" only in lower case
        if (head == a && (rest.size() == a.size() || modeWord(rest.substr(a.size())) >= 0)) {
            pitch += shift;
            rest = rest.substr(a.size());
            accidental = true;
            break;
        }
    }
    int mode = rest.empty() ? -1 : modeWord(rest);
    if (!rest.empty() && mode < 0)
        return std::nullopt; // "Bass", "Drums", "FM": a word that merely starts with a note letter
    if (mode < 0 && next != "m")
        mode = modeWord(next);
    if (mode < 0 && accidental)
        mode = 0; // "F#", "Bb": major unless it says otherwise
    if (mode < 0)
        return std::nullopt; // a bare letter ("Take A", "Part B") is no key
    return KeyHint { (pitch % 12 + 12) % 12, mode == 1 };
}
} // namespace

std::optional<KeyHint> keyInName(const std::string& path)
{
    const auto slash = path.find_last_of("/\\");
    std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    if (const auto dot = file.find_last_of('.'); dot != std::string::npos && dot > 0)
        file = file.substr(0, dot);
    const auto tokens = keyTokens(file);
    std::optional<KeyHint> found;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const auto key = tokenKey(tokens[i], i + 1 < tokens.size() ? tokens[i + 1] : std::string());
        if (!key)
            continue;
        if (found && (found->tonic != key->tonic || found->minor != key->minor))
            return std::nullopt; // two different keys: trust neither
        found = key;
    }
    return found;
}

} // namespace loopmind::analysis::detail
