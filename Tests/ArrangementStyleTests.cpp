// Style templates are data: every shipped style loads and validates, a broken one is refused naming the field,
// and songs in every style follow their grammar, layer budgets, energy and transition rules.
#include "Arrangement/StyleTemplate.h"
#include "ArrangementTestPack.h"
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
const char* const shippedStyles[] = { "house", "techno", "hip-hop", "trap", "pop", "drum-and-bass" };

StyleTemplate style(const std::string& name)
{
    auto s = loadStyle(name);
    INFO(s.error());
    REQUIRE(s.ok());
    return s.value();
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
} // namespace

TEST_CASE("the six shipped styles are found and valid", "[arrangement][style]")
{
    const auto names = availableStyles();
    for (const char* name : shippedStyles) {
        INFO(name);
        CHECK(contains(names, name));
        const auto s = style(name);
        CHECK(s.name == name);
        CHECK(s.minBpm < s.maxBpm);
        CHECK(!s.orders.empty());
    }
    CHECK(style("hip-hop").orders.size() >= 3);
    CHECK(styleForTempo(124) == "house");
    CHECK(styleForTempo(130) == "techno");
    CHECK(styleForTempo(90) == "hip-hop");
    CHECK(styleForTempo(145) == "trap");
    CHECK(styleForTempo(174) == "drum-and-bass");
    CHECK(styleForTempo(60) == "house");
    auto unknown = loadStyle("polka");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("unknown style 'polka'") != std::string::npos);
    CHECK(unknown.error().find("house") != std::string::npos);
}

TEST_CASE("a broken style template is refused with the field named", "[arrangement][style]")
{
    std::ifstream in(stylesFolder() / "house.json");
    const auto good = nlohmann::json::parse(in);
    REQUIRE(styleFromJson(good).ok());
    auto broken = [&](auto edit) {
        auto j = good;
        edit(j);
        auto r = styleFromJson(j);
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    CHECK(broken([](auto& j) { j["tempo"].erase("min"); }) == "style.tempo.min: missing");
    CHECK(broken([](auto& j) { j["sections"][0]["bars"][0] = 12; }) == "style.sections[0].bars[0]: 12 is not a multiple of 8");
    CHECK(broken([](auto& j) { j["sections"][1]["energy"] = 1.5; }).find("style.sections[1].energy") == 0);
    CHECK(broken([](auto& j) { j["sections"][2]["layers"]["kazoo"] = 1; }) == "style.sections[2].layers.kazoo: unknown role");
    CHECK(broken([](auto& j) { j["orders"][1][2] = "chorus"; }).find("style.orders[1][2]") == 0);
    CHECK(broken([](auto& j) { j["transitions"]["drumsOut"][0] = "nowhere"; }).find("style.transitions.drumsOut[0]") == 0);
    CHECK(broken([](auto& j) { j["sections"][1]["name"] = "intro"; }).find("style.sections[1].name") == 0);
}

TEST_CASE("songs in every style follow its grammar, layer budget, energy and transitions", "[arrangement][style]")
{
    for (const char* name : shippedStyles) {
        const auto st = style(name);
        const double bpm = std::round((st.minBpm + st.maxBpm) / 2);
        std::set<std::string> orders;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            INFO(name << " seed " << seed);
            ArrangementRequest request;
            request.seed = seed;
            request.style = st;
            const auto a = AIArrangementEngine().arrange(richPack(bpm), request);
            CHECK(a.style == name);
            orders.insert(sectionOrder(a));
            int peakLayers = 0, peakBar = 0;
            for (int b = 0; b < a.totalBars(); ++b)
                if (layersAt(a, b) > peakLayers) { peakLayers = layersAt(a, b); peakBar = b; }
            (void)peakBar;
            for (const auto& s : a.sections) {
                const auto* def = st.section(s.name);
                REQUIRE(def != nullptr);
                CHECK(s.bars % st.barMultiple == 0);
                CHECK(s.energy == def->energy);
                // The layer budget per role holds in every bar of the section (risers aside).
                for (int b = s.startBar; b < s.startBar + s.bars; ++b) {
                    std::map<std::string, int> perRole;
                    for (const auto& t : a.tracks)
                        for (const auto& c : t.clips)
                            if (b >= c.startBar && b < c.startBar + c.bars && c.reason.rule != "transition-riser")
                                perRole[t.role] += 1;
                    for (const auto& [role, n] : perRole)
                        CHECK(n <= def->layers.at(role));
                    if (contains(st.transitions.drumsOut, s.name))
                        CHECK(perRole["drums"] == 0);
                }
                if (s.name == "intro" || s.name == "outro")
                    for (int b = s.startBar; b < s.startBar + s.bars; ++b)
                        CHECK(layersAt(a, b) <= 0.6 * peakLayers + 1e-9);
            }
            // A riser in the bar before every section the style builds into.
            for (size_t i = 1; i < a.sections.size(); ++i)
                if (contains(st.transitions.riserInto, a.sections[i].name)) {
                    bool riser = false;
                    for (const auto& t : a.tracks)
                        for (const auto& c : t.clips)
                            riser |= t.role == "fx" && c.startBar + c.bars == a.sections[i].startBar;
                    CHECK(riser);
                }
        }
        INFO(name);
        CHECK(orders.size() >= std::min<size_t>(3, st.orders.size()));
    }
}

TEST_CASE("a user energy curve replaces the style's and sets how many layers play", "[arrangement][style]")
{
    ArrangementRequest request;
    request.style = style("house");
    request.energy = { 0.2, 0.5, 1, 0.3, 1, 0.2 };
    request.bars = 48; // six 8-bar sections or fewer
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        request.seed = seed;
        const auto a = AIArrangementEngine().arrange(richPack(124), request);
        REQUIRE(a.totalBars() == 48);
        double quietest = 1e9, loudest = 0;
        for (size_t i = 0; i < a.sections.size(); ++i) {
            const auto& s = a.sections[i];
            CHECK(s.energy == request.energy[std::min(i, request.energy.size() - 1)]);
            double layers = 0;
            for (int b = s.startBar; b < s.startBar + s.bars; ++b) layers += layersAt(a, b);
            layers /= s.bars;
            if (s.energy <= 0.2) quietest = std::min(quietest, layers);
            if (s.energy >= 1) loudest = std::max(loudest, layers);
        }
        CHECK(loudest > quietest);
    }
}
