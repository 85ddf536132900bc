// Accuracy on loops played by real instruments (General MIDI programs through fluidsynth, recorded drum kits),
// built at test time by Tests/Support/InstrumentLoopSet. Prints per-class accuracy for the in-sample two thirds
// and the held-out third (programs, kits and keys never seen in-sample), and asserts held-out floors set just
// under what the analyser reaches. Names are neutral except the name-hint subset, passed as the library does.
#include "Analysis/LoopAnalysis.h"
#include "Analysis/LoopFeatures.h"
#include "Library/DecodedAudio.h"
#include "Support/AnalysisTally.h"
#include "Support/InstrumentLoopSet.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

using namespace loopmind;


TEST_CASE("real-instrument loops: tempo, key and role per class, held-out by instrument and key", "[analysis][instruments]")
{
    test::InstrumentLoopSet set;
    try {
        set = test::instrumentLoopSet();
    } catch (const std::exception& e) {
        FAIL(e.what());
    }
    REQUIRE(set.loops.size() >= 250);

    std::map<std::string, std::array<test::AnalysisTally, 2>> byKind; // [in-sample, held-out]
    std::array<test::AnalysisTally, 2> named {};
    std::ostringstream misses;
    for (const auto& loop : set.loops) {
        auto decoded = decodeAudioFile(set.folder / loop.file);
        REQUIRE(decoded.ok());
        const auto& d = decoded.value();
        const auto r = analysis::analyseLoop(d.audio, d.sampleRate, "instruments/" + loop.file);
        if (std::getenv("LOOPMIND_NOTE_SHARE") != nullptr && !loop.heldOut) {
            const auto f = analysis::detail::measureLoopFeatures(d.audio, d.sampleRate, { true, false });
            double note = 0.0, band = 0.0;
            for (size_t n = 0; n < f.onsets.noteEnergy.size(); ++n) { note += f.onsets.noteEnergy[n]; band += f.onsets.noteBandEnergy[n]; }
            std::printf("noteshare %s %.3f\n", loop.kind.c_str(), band > 0 ? note / band : 0.0);
        }
        const auto t = test::AnalysisTally::of(loop, r);
        (loop.named ? named : byKind[loop.kind])[loop.heldOut].add(t);
        // Only the in-sample misses are listed: the held-out third is for measuring, not for tuning.
        if (!loop.heldOut && !loop.named && (!t.tempo || (t.keyN && !t.key) || !t.role))
            misses << loop.file << " " << loop.kind << " " << loop.instrument << " " << *loop.bpm << " " << loop.key << " -> "
                   << (r.tempo.bpm ? std::to_string(*r.tempo.bpm) : "null") << " (" << r.tempo.beats << " beats) "
                   << r.key.key.value_or("null") << " " << r.role.role.value_or("null") << "\n";
    }

    std::array<test::AnalysisTally, 2> all {};
    std::printf("\n%-14s | %-40s | %-40s\n", "class", "in-sample: n tempo oct key mirex role", "held-out: n tempo oct key mirex role");
    auto row = [](const char* name, const std::array<test::AnalysisTally, 2>& t) {
        std::printf("%-14s |%s |%s\n", name, t[0].columns().c_str(), t[1].columns().c_str());
    };
    for (const auto& [kind, t] : byKind) {
        row(kind.c_str(), t);
        all[0].add(t[0]);
        all[1].add(t[1]);
    }
    row("ALL (neutral)", all);
    row("named tempo", named);
    std::printf("\nin-sample misses:\n%s\n", misses.str().c_str());

    // Held-out floors, just under what the analyser reaches (docs/ANALYSIS.md gives the gap to issue 13's targets:
    // tempo 95 % exact / 99 % up to an octave, key 90 % / MIREX 0.93, role 95 %).
    const auto& h = all[1];
    CHECK(h.tempoPct() >= 86.0);
    CHECK(h.octavePct() >= 98.0);
    CHECK(h.keyPct() >= 81.0);
    CHECK(h.mirexMean() >= 0.83);
    CHECK(h.rolePct() >= 95.0);
}

TEST_CASE("real-instrument loops, extra in-sample programs: tempo, key and role per class", "[analysis][instruments-extra][.]")
{
    test::InstrumentLoopSet set;
    try {
        set = test::extraInstrumentLoopSet();
    } catch (const std::exception& e) {
        FAIL(e.what());
    }
    std::map<std::string, test::AnalysisTally> byKind;
    std::ostringstream misses;
    for (const auto& loop : set.loops) {
        auto decoded = decodeAudioFile(set.folder / loop.file);
        REQUIRE(decoded.ok());
        const auto r = analysis::analyseLoop(decoded.value().audio, decoded.value().sampleRate, "instruments/" + loop.file);
        const auto t = test::AnalysisTally::of(loop, r);
        byKind[loop.kind].add(t);
        byKind["ALL extra"].add(t);
        if (!t.tempo || (t.keyN && !t.key) || !t.role)
            misses << loop.file << " " << loop.kind << " " << loop.instrument << " " << *loop.bpm << " " << loop.key << " -> "
                   << (r.tempo.bpm ? std::to_string(*r.tempo.bpm) : "null") << " " << r.key.key.value_or("null") << " "
                   << r.role.role.value_or("null") << "\n";
    }
    std::printf("\n%-14s | %-40s\n", "class", "extra in-sample: n tempo oct key mirex role");
    for (const auto& [kind, x] : byKind)
        std::printf("%-14s |%s\n", kind.c_str(), x.columns().c_str());
    std::printf("\nextra misses:\n%s\n", misses.str().c_str());
    CHECK(byKind["ALL extra"].n == int(set.loops.size()));
}
