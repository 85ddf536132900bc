#include "Arrangement/StyleTemplate.h"
#include "Arrangement/JsonFields.h"
#include "Core/PathText.h"
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <juce_core/juce_core.h>
#include <set>

#ifndef LOOPMIND_STYLES_DIR
#define LOOPMIND_STYLES_DIR ""
#endif

namespace loopmind {
namespace fs = std::filesystem;
using nlohmann::json;

const StyleSection* StyleTemplate::section(const std::string& name) const
{
    for (const auto& s : sections)
        if (s.name == name)
            return &s;
    return nullptr;
}

namespace {
std::vector<std::string> nameList(const JsonFields& f, const char* field, const std::set<std::string>& allowed)
{
    std::vector<std::string> out;
    if (!f.has(field))
        return out;
    const auto& a = f.array(field);
    for (size_t i = 0; i < a.size(); ++i) {
        const auto where = f.path(field) + "[" + std::to_string(i) + "]";
        if (!a[i].is_string() || !allowed.count(a[i].get<std::string>()))
            throw FieldError { where + ": expected the name of a section of this style" };
        out.push_back(a[i].get<std::string>());
    }
    return out;
}
} // namespace

Result<StyleTemplate> styleFromJson(const json& j)
{
    try {
        JsonFields root(j, "style");
        StyleTemplate st;
        st.name = root.text("name");
        JsonFields tempo(root.get("tempo"), "style.tempo");
        st.minBpm = tempo.number("min", 40, 300);
        st.maxBpm = tempo.number("max", st.minBpm, 300);
        st.barMultiple = root.integer("barMultiple", 1, 64);

        const auto& sections = root.array("sections");
        if (sections.empty())
            throw FieldError { "style.sections: needs at least one section" };
        std::set<std::string> names;
        for (size_t i = 0; i < sections.size(); ++i) {
            JsonFields s(sections[i], "style.sections[" + std::to_string(i) + "]");
            StyleSection sec;
            sec.name = s.text("name");
            if (!names.insert(sec.name).second)
                throw FieldError { s.path("name") + ": '" + sec.name + "' is defined twice" };
            const auto& bars = s.array("bars");
            if (bars.empty())
                throw FieldError { s.path("bars") + ": needs at least one length" };
            for (size_t b = 0; b < bars.size(); ++b) {
                const auto where = s.path("bars") + "[" + std::to_string(b) + "]";
                if (!bars[b].is_number_integer() || bars[b].get<int>() < 1 || bars[b].get<int>() > 256)
                    throw FieldError { where + ": expected a whole number from 1 to 256" };
                if (bars[b].get<int>() % st.barMultiple != 0)
                    throw FieldError { where + ": " + std::to_string(bars[b].get<int>()) + " is not a multiple of "
                                       + std::to_string(st.barMultiple) };
                sec.bars.push_back(bars[b].get<int>());
            }
            sec.energy = s.number("energy", 0, 1);
            JsonFields layers(s.get("layers"), s.path("layers"));
            for (const char* role : knownRoles)
                sec.layers[role] = layers.has(role) ? layers.integer(role, 0, 8) : 0;
            for (const auto& item : s.get("layers").items()) {
                const std::string key = item.key(); // a named copy: clang 14 cannot capture structured bindings
                if (std::find_if(std::begin(knownRoles), std::end(knownRoles), [&](const char* r) { return key == r; })
                    == std::end(knownRoles))
                    throw FieldError { layers.path(key) + ": unknown role" };
            }
            st.sections.push_back(std::move(sec));
        }

        const auto& orders = root.array("orders");
        if (orders.empty())
            throw FieldError { "style.orders: needs at least one section order" };
        for (size_t i = 0; i < orders.size(); ++i) {
            const auto where = "style.orders[" + std::to_string(i) + "]";
            if (!orders[i].is_array() || orders[i].empty())
                throw FieldError { where + ": expected a non-empty array of section names" };
            std::vector<std::string> order;
            for (size_t k = 0; k < orders[i].size(); ++k) {
                if (!orders[i][k].is_string() || !names.count(orders[i][k].get<std::string>()))
                    throw FieldError { where + "[" + std::to_string(k) + "]: expected the name of a section of this style" };
                order.push_back(orders[i][k].get<std::string>());
            }
            st.orders.push_back(std::move(order));
        }

        JsonFields tr(root.get("transitions"), "style.transitions");
        st.transitions.riserBars = tr.integer("riserBars", 0, 8);
        st.transitions.riserInto = nameList(tr, "riserInto", names);
        st.transitions.fillBars = tr.integer("fillBars", 0, 4);
        st.transitions.fillInto = nameList(tr, "fillInto", names);
        st.transitions.drumsOut = nameList(tr, "drumsOut", names);
        return Result<StyleTemplate>::success(std::move(st));
    } catch (const FieldError& e) {
        return Result<StyleTemplate>::failure(e.message);
    } catch (const json::exception& e) {
        return Result<StyleTemplate>::failure(std::string("style: ") + e.what());
    }
}

fs::path stylesFolder()
{
    if (const char* env = std::getenv("LOOPMIND_STYLES_DIR"); env && *env)
        return pathFromText(env);
    const auto exe = juce::File::getSpecialLocation(juce::File::currentExecutableFile).getParentDirectory();
    const auto beside = pathFromText(exe.getChildFile("Styles").getFullPathName().toStdString());
    if (fs::is_directory(beside))
        return beside;
    return pathFromText(LOOPMIND_STYLES_DIR);
}

std::vector<std::string> availableStyles()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(stylesFolder(), ec))
        if (e.path().extension() == ".json")
            names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

Result<StyleTemplate> loadStyle(const std::string& name)
{
    const auto file = stylesFolder() / (name + ".json");
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::string known;
        for (const auto& n : availableStyles())
            known += (known.empty() ? "" : ", ") + n;
        return Result<StyleTemplate>::failure("unknown style '" + name + "' (no " + pathText(file) + "; styles: "
                                              + (known.empty() ? "none found" : known) + ")");
    }
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded())
        return Result<StyleTemplate>::failure(pathText(file) + ": not valid JSON");
    auto st = styleFromJson(j);
    if (!st)
        return Result<StyleTemplate>::failure(pathText(file) + ": " + st.error());
    return st;
}

std::string styleForTempo(double bpm)
{
    std::string best = "house";
    double bestWidth = 1e9;
    for (const auto& name : availableStyles()) {
        auto st = loadStyle(name);
        if (!st || bpm < st->minBpm || bpm > st->maxBpm)
            continue;
        const double width = st->maxBpm - st->minBpm;
        if (width < bestWidth || (width == bestWidth && name == "house")) {
            best = name;
            bestWidth = width;
        }
    }
    return best;
}

StyleTemplate builtInHouseStyle()
{
    auto layers = [](int d, int b, int c, int m, int f, int v) {
        return std::map<std::string, int> { { "drums", d }, { "bass", b }, { "chords", c }, { "melody", m }, { "fx", f }, { "vocal", v } };
    };
    StyleTemplate st;
    st.name = "house";
    st.minBpm = 118;
    st.maxBpm = 130;
    st.barMultiple = 8;
    st.sections = { { "intro", { 8, 16 }, 0.3, layers(1, 0, 1, 0, 0, 0) },
                    { "build", { 8, 16 }, 0.6, layers(1, 1, 1, 1, 0, 0) },
                    { "drop", { 16, 32 }, 1.0, layers(2, 1, 1, 2, 0, 1) },
                    { "break", { 8, 16 }, 0.35, layers(0, 0, 2, 1, 0, 1) },
                    { "outro", { 8, 16 }, 0.3, layers(1, 1, 0, 0, 0, 0) } };
    st.orders = { { "intro", "build", "drop", "break", "build", "drop", "outro" } };
    st.transitions = { 1, { "drop" }, 1, { "drop" }, { "break" } };
    return st;
}

} // namespace loopmind
