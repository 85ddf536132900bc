// The arrangement checker on the demo packs: every style x 10 seeds passes the structural checks (grid, energy
// arc, roles, keys, tempo, variation, determinism) and, rendered unmastered, the measured checks (drop over break,
// Spearman rho of target energy vs short-term loudness). Figures are printed (WARN) for the note.
#include "Arrangement/ArrangementChecker.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/RenderedEnergy.h"
#include "Render/UnmasteredRender.h"
#include "ArrangementTestPack.h"
#include <filesystem>
#include <unistd.h>
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
struct StyleCase { const char* style; const char* pack; double bpm; };
// Each style at a tempo inside its range, on the demo pack that stretches there cleanly.
const StyleCase styleCases[] = { { "house", "House 124 A minor", 124 },     { "techno", "House 124 A minor", 128 },
                                 { "hip-hop", "Boom Bap 92 F major", 92 },  { "trap", "House 124 A minor", 140 },
                                 { "pop", "Boom Bap 92 F major", 100 },     { "drum-and-bass", "Boom Bap 92 F major", 174 } };

std::set<std::string> rolesOf(const std::vector<LoopInfo>& loops)
{
    std::set<std::string> roles;
    for (const auto& l : loops)
        if (l.ok && l.role) roles.insert(*l.role);
    return roles;
}


/** Every style x 10 seeds: the structural checks and determinism on all, the render-measured ones on the first
    renderedSeeds (a render with its loop preparation takes 2-5 s on a loaded machine). */
void checkStylesOnDemoPacks(std::uint64_t renderedSeeds)
{
    // Per process, so two test runs at once do not share the scratch render.
    const auto scratch = std::filesystem::temp_directory_path() / ("loopmind-checker-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(scratch);
    for (const auto& sc : styleCases) {
        auto style = loadStyle(sc.style);
        REQUIRE(style.ok());
        const auto& loops = analysedDemoPack(sc.pack);
        REQUIRE(loops.size() >= 4);
        int passed = 0;
        std::vector<double> rhos, lifts;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            ArrangementRequest request;
            request.seed = seed;
            request.style = style.value();
            request.bpm = sc.bpm;
            request.sampleRate = 22050; // half rate: the loudness ranks between sections do not need the top octave
            const auto a = AIArrangementEngine().arrange(loops, request);
            auto report = checkArrangement(a, style.value(), rolesOf(loops));
            report.findings.push_back(checkDeterminism(loops, request));
            if (seed <= renderedSeeds) {
                auto mix = renderUnmastered(a, scratch / "mix.wav");
                REQUIRE(mix.ok());
                const auto m = measureEnergy(a, sectionLoudness(mix.value(), a.sampleRate, a));
                for (auto& f : renderedEnergyFindings(m)) report.findings.push_back(f);
                rhos.push_back(m.rhoLoudness);
                lifts.push_back(m.smallestDropOverBreak);
            }
            INFO(sc.style << " seed " << seed << "\n" << report.text());
            CHECK(report.passed());
            passed += report.passed();
        }
        std::sort(rhos.begin(), rhos.end());
        std::sort(lifts.begin(), lifts.end());
        WARN(sc.style << " on " << sc.pack << " at " << sc.bpm << " BPM: " << passed << "/10 pass (" << renderedSeeds
                      << " rendered); rho min " << rhos.front() << " median " << rhos[rhos.size() / 2] << "; drop over break min "
                      << lifts.front() << " LU, median " << lifts[lifts.size() / 2] << " LU");
    }
    std::filesystem::remove_all(scratch);
}
} // namespace

// The quick version, for runs that leave hidden tests out (the sanitizer run); ctest runs the full one below instead.
TEST_CASE("checker: every style x 10 seeds on the demo packs passes every check, 3 seeds measured on the render", "[arrangement][checker][demo][checker-quick]")
{
    checkStylesOnDemoPacks(3);
}

// All 60 songs rendered (about 4 minutes on a shared 2-core machine): hidden, run with "[checker-full]" (ctest does).
TEST_CASE("checker: every style x 10 seeds rendered", "[.][checker-full]")
{
    checkStylesOnDemoPacks(10);
}

TEST_CASE("checker: a song that breaks the rules is caught, with the figure named", "[arrangement][checker]")
{
    auto style = loadStyle("house");
    REQUIRE(style.ok());
    ArrangementRequest request;
    request.style = style.value();
    auto a = AIArrangementEngine().arrange(richPack(124), request);
    REQUIRE(checkArrangement(a, style.value(), rolesOf(richPack(124))).passed());

    auto flat = a; // every track plays every bar: no arc, blocks repeat
    for (auto& t : flat.tracks) t.clips = { { 0, flat.totalBars(), {} } };
    const auto r = checkArrangement(flat, style.value());
    CHECK_FALSE(r.find("energy-arc")->passed);
    CHECK_FALSE(r.find("variation")->passed);

    auto clash = a;
    clash.tracks[0].loopKey = "F# major";
    clash.tracks[1].loopKey = "C major";
    clash.tracks[0].clips = clash.tracks[1].clips;
    CHECK_FALSE(checkArrangement(clash, style.value()).find("key-compatibility")->passed);

    auto slow = a;
    slow.tracks[0].loopBpm = 90;
    CHECK_FALSE(checkArrangement(slow, style.value()).find("tempo-ratio")->passed);

    auto odd = a;
    odd.sections[0].bars += 4;
    for (size_t i = 1; i < odd.sections.size(); ++i) odd.sections[i].startBar += 4;
    odd.sections.back().bars -= 4;
    CHECK_FALSE(checkArrangement(odd, style.value()).find("grid")->passed);

    std::set<std::string> withVocal { "drums", "bass", "vocal" };
    auto noVocal = a;
    noVocal.tracks.erase(std::remove_if(noVocal.tracks.begin(), noVocal.tracks.end(), [](const auto& t) { return t.role == "vocal"; }),
                         noVocal.tracks.end());
    CHECK_FALSE(checkArrangement(noVocal, style.value(), withVocal).find("role-coverage")->passed);
}

TEST_CASE("checker: Spearman's rho and the drop-over-break measure", "[arrangement][checker]")
{
    CHECK(spearman({ 1, 2, 3, 4 }, { 10, 20, 30, 40 }) == Approx(1.0));
    CHECK(spearman({ 1, 2, 3, 4 }, { 4, 3, 2, 1 }) == Approx(-1.0));
    CHECK(spearman({ 0.3, 1, 0.3, 1 }, { -20, -10, -21, -11 }) == Approx(0.894).margin(0.001));
    Arrangement a;
    a.sections = { { "intro", 0, 8, 0.3, 0, {} }, { "drop", 8, 8, 1.0, 0, {} }, { "break", 16, 8, 0.35, 0, {} }, { "drop", 24, 8, 1.0, 0, {} } };
    const auto m = measureEnergy(a, { -20, -12, -18, -16 });
    CHECK(m.drops == 2);
    CHECK(m.smallestDropOverBreak == Approx(2.0));
    CHECK_FALSE(renderedEnergyFindings(m)[1].passed);
}
