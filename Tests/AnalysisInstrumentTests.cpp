// Accuracy on loops played by real instruments (General MIDI programs through fluidsynth, recorded drum kits),
// built at test time by Tests/Support/InstrumentLoopSet. Prints per-class accuracy for the in-sample two thirds
// and the held-out third (programs, kits and keys never seen in-sample), and asserts held-out floors set just
// under what the analyser reaches. Names are neutral except the name-hint subset, passed as the library does.
#include "Analysis/LoopAnalysis.h"
#include "Analysis/LoopFeatures.h"
#include "Library/DecodedAudio.h"
#include "Support/InstrumentLoopSet.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

using namespace loopmind;

namespace {

struct Tally {
    int n = 0, tempo = 0, octave = 0, keyN = 0, key = 0, role = 0;
    double mirex = 0.0;
    void add(const Tally& o)
    {
        n += o.n; tempo += o.tempo; octave += o.octave; keyN += o.keyN; key += o.key; role += o.role; mirex += o.mirex;
    }
};

double pct(int v, int of) { return of > 0 ? 100.0 * v / of : 0.0; }

/** Key name to tonic * 2 + minor, or -1. */
int keyIndex(const std::string& key)
{
    static const char* const tonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    for (int t = 0; t < 12; ++t)
        for (int m = 0; m < 2; ++m)
            if (key == std::string(tonics[t]) + (m ? " minor" : " major"))
                return t * 2 + m;
    return -1;
}

/** MIREX key score: 1 same key, 0.5 a fifth away in the same mode, 0.3 relative, 0.2 parallel, else 0. */
double mirexScore(const std::string& truth, const std::optional<std::string>& estimate)
{
    const int t = keyIndex(truth), e = estimate ? keyIndex(*estimate) : -1;
    if (t < 0 || e < 0)
        return 0.0;
    const int tt = t / 2, et = e / 2;
    const bool tm = t % 2, em = e % 2;
    if (t == e) return 1.0;
    if (tm == em && ((et - tt + 12) % 12 == 7 || (tt - et + 12) % 12 == 7)) return 0.5;
    if (tm != em && (tm ? (tt + 3) % 12 == et : (et + 3) % 12 == tt)) return 0.3;
    if (tm != em && tt == et) return 0.2;
    return 0.0;
}

bool near(double a, double b) { return std::abs(a - b) <= 1.0; }

} // namespace

TEST_CASE("real-instrument loops: tempo, key and role per class, held-out by instrument and key", "[analysis][instruments]")
{
    test::InstrumentLoopSet set;
    try {
        set = test::instrumentLoopSet();
    } catch (const std::exception& e) {
        FAIL(e.what());
    }
    REQUIRE(set.loops.size() >= 250);

    std::map<std::string, std::array<Tally, 2>> byKind; // [in-sample, held-out]
    std::array<Tally, 2> named {};
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
        Tally t;
        t.n = 1;
        const double bpm = *loop.bpm;
        t.tempo = r.tempo.bpm && near(*r.tempo.bpm, bpm);
        t.octave = r.tempo.bpm && (near(*r.tempo.bpm, bpm) || near(*r.tempo.bpm, 2 * bpm) || near(*r.tempo.bpm, 0.5 * bpm));
        if (loop.key != "none") {
            t.keyN = 1;
            t.key = r.key.key && *r.key.key == loop.key;
            t.mirex = mirexScore(loop.key, r.key.key);
        }
        t.role = r.role.role && *r.role.role == loop.role;
        (loop.named ? named : byKind[loop.kind])[loop.heldOut].add(t);
        // Only the in-sample misses are listed: the held-out third is for measuring, not for tuning.
        if (!loop.heldOut && !loop.named && (!t.tempo || (t.keyN && !t.key) || !t.role))
            misses << loop.file << " " << loop.kind << " " << loop.instrument << " " << bpm << " " << loop.key << " -> "
                   << (r.tempo.bpm ? std::to_string(*r.tempo.bpm) : "null") << " (" << r.tempo.beats << " beats) "
                   << r.key.key.value_or("null") << " " << r.role.role.value_or("null") << "\n";
    }

    std::array<Tally, 2> all {};
    std::printf("\n%-14s | %-40s | %-40s\n", "class", "in-sample: n tempo oct key mirex role", "held-out: n tempo oct key mirex role");
    auto row = [](const char* name, const std::array<Tally, 2>& t) {
        std::printf("%-14s", name);
        for (const auto& x : t)
            std::printf(" | %3d %5.0f%% %4.0f%% %4s %5s %4.0f%%", x.n, pct(x.tempo, x.n), pct(x.octave, x.n),
                        x.keyN ? (std::to_string(int(std::lround(pct(x.key, x.keyN)))) + "%").c_str() : "-",
                        x.keyN ? std::to_string(x.mirex / x.keyN).substr(0, 4).c_str() : "-", pct(x.role, x.n));
        std::printf("\n");
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
    CHECK(pct(h.tempo, h.n) >= 85.0);
    CHECK(pct(h.octave, h.n) >= 98.0);
    CHECK(pct(h.key, h.keyN) >= 79.0);
    CHECK(h.mirex / std::max(h.keyN, 1) >= 0.82);
    CHECK(pct(h.role, h.n) >= 90.0);
}

TEST_CASE("real-instrument loops, extra in-sample programs: tempo, key and role per class", "[analysis][instruments-extra][.]")
{
    test::InstrumentLoopSet set;
    try {
        set = test::extraInstrumentLoopSet();
    } catch (const std::exception& e) {
        FAIL(e.what());
    }
    std::map<std::string, Tally> byKind;
    std::ostringstream misses;
    for (const auto& loop : set.loops) {
        auto decoded = decodeAudioFile(set.folder / loop.file);
        REQUIRE(decoded.ok());
        const auto r = analysis::analyseLoop(decoded.value().audio, decoded.value().sampleRate, "instruments/" + loop.file);
        Tally t;
        const bool pitched = loop.key != "none"; // drum loops have no key to score
        t.n = 1;
        t.keyN = pitched ? 1 : 0;
        t.tempo = r.tempo.bpm && near(*r.tempo.bpm, *loop.bpm);
        t.octave = r.tempo.bpm && (near(*r.tempo.bpm, *loop.bpm) || near(*r.tempo.bpm, 2 * *loop.bpm) || near(*r.tempo.bpm, 0.5 * *loop.bpm));
        t.key = pitched && r.key.key && *r.key.key == loop.key;
        t.mirex = pitched ? mirexScore(loop.key, r.key.key) : 0.0;
        t.role = r.role.role && *r.role.role == loop.role;
        byKind[loop.kind].add(t);
        byKind["ALL extra"].add(t);
        if (!t.tempo || (pitched && !t.key) || !t.role)
            misses << loop.file << " " << loop.kind << " " << loop.instrument << " " << *loop.bpm << " " << loop.key << " -> "
                   << (r.tempo.bpm ? std::to_string(*r.tempo.bpm) : "null") << " " << r.key.key.value_or("null") << " "
                   << r.role.role.value_or("null") << "\n";
    }
    std::printf("\n%-14s | %-40s\n", "class", "extra in-sample: n tempo oct key mirex role");
    for (const auto& [kind, x] : byKind)
        std::printf("%-14s | %3d %5.0f%% %4.0f%% %4s %5s %4.0f%%\n", kind.c_str(), x.n, pct(x.tempo, x.n), pct(x.octave, x.n),
                    x.keyN ? (std::to_string(int(std::lround(pct(x.key, x.keyN)))) + "%").c_str() : "-",
                    x.keyN ? std::to_string(x.mirex / x.keyN).substr(0, 4).c_str() : "-", pct(x.role, x.n));
    std::printf("\nextra misses:\n%s\n", misses.str().c_str());
    CHECK(byKind["ALL extra"].n == int(set.loops.size()));
}
