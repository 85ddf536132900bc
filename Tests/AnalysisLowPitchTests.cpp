// The low-pitch profile (Analysis/LowPeriodicity): staccato bass notes read as periodic and low, with the right
// pitch classes; a kit's kicks and noise do not; a melody above G3 is one note at a time but not low.
#include "Analysis/LoopAnalysis.h"
#include "Analysis/LowPeriodicity.h"
#include "Support/NoteSignals.h"
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace loopmind::analysis::detail;
using loopmind::test::plucks;

namespace {
constexpr double rate = 22050.0;
constexpr double pi = 3.14159265358979323846;

/** A drum kit: kicks sweeping 150 -> 50 Hz on the beat, noise hats on the off-beats. */
std::vector<float> kit(double bpm, double seconds)
{
    std::vector<float> out(size_t(seconds * rate), 0.0f);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    const double beat = 60.0 / bpm;
    for (double at = 0.0; at < seconds; at += beat) {
        double phase = 0.0;
        for (size_t i = 0; i < size_t(0.3 * rate) && size_t(at * rate) + i < out.size(); ++i) {
            const double t = double(i) / rate;
            phase += 2 * pi * (50.0 + 100.0 * std::exp(-t / 0.02)) / rate;
            out[size_t(at * rate) + i] += float(0.8 * std::sin(phase) * std::exp(-t / 0.08));
        }
        const auto hat = size_t((at + beat / 2) * rate);
        for (size_t i = 0; i < size_t(0.05 * rate) && hat + i < out.size(); ++i)
            out[hat + i] += 0.3f * noise(rng) * float(std::exp(-double(i) / rate / 0.015));
    }
    return out;
}

int loudestPitchClass(const std::array<double, 12>& pcs)
{
    return int(std::max_element(pcs.begin(), pcs.end()) - pcs.begin());
}
} // namespace

TEST_CASE("staccato bass notes are periodic, single, low, and land on their pitch classes", "[analysis][lowpitch]")
{
    // A1, C2, E2 as 90 ms plucks on every 8th at 120 BPM: far shorter than the chroma's 186 ms frames.
    const auto line = plucks({ { 33 }, { 36 }, { 40 } }, 0.25, 0.09, 4.0, rate);
    const auto p = lowPitchProfile(line, rate);
    CHECK(p.periodicity > 0.85);
    CHECK(p.singleNote > 0.6);
    CHECK(p.lowNote > 0.6);
    double total = 0.0;
    for (double v : p.bassPitchClasses)
        total += v;
    REQUIRE(total > 0.0);
    const double share = (p.bassPitchClasses[9] + p.bassPitchClasses[0] + p.bassPitchClasses[4]) / total; // A, C, E
    CHECK(share > 0.9);
    CHECK(p.openingPitchClasses[9] > 0.0); // the line opens on A
}

TEST_CASE("a drum kit and noise are less periodic than any bass line", "[analysis][lowpitch]")
{
    const auto drums = lowPitchProfile(kit(120.0, 4.0), rate);
    CHECK(drums.periodicity < 0.8);
    std::vector<float> noise(size_t(4.0 * rate));
    std::mt19937 rng(3);
    std::normal_distribution<float> gauss(0.0f, 0.2f);
    for (auto& v : noise)
        v = gauss(rng);
    const auto hiss = lowPitchProfile(noise, rate);
    CHECK(hiss.periodicity < 0.6);
    CHECK(hiss.singleNote < 0.1);
}

TEST_CASE("a melody above G3 is one note at a time but not a low note", "[analysis][lowpitch]")
{
    const auto melody = lowPitchProfile(plucks({ { 69 }, { 72 }, { 76 }, { 74 } }, 0.25, 0.2, 4.0, rate), rate); // A4 C5 E5 D5
    CHECK(melody.singleNote > 0.6);
    CHECK(melody.lowNote < 0.1);
    const auto bass = lowPitchProfile(plucks({ { 45 } }, 0.5, 0.4, 4.0, rate), rate); // A2, 110 Hz, held
    CHECK(loudestPitchClass(bass.bassPitchClasses) == 9);
}

TEST_CASE("silence and audio shorter than a frame give an empty profile", "[analysis][lowpitch]")
{
    const auto silent = lowPitchProfile(std::vector<float>(size_t(rate), 0.0f), rate);
    CHECK(silent.periodicity == 0.0);
    CHECK(silent.singleNote == 0.0);
    const auto tiny = lowPitchProfile(std::vector<float>(64, 0.5f), rate);
    CHECK(tiny.lowNote == 0.0);
}

TEST_CASE("short chord stabs are chords with a key, a staccato bass line is bass in its key", "[analysis][lowpitch]")
{
    using namespace loopmind::analysis;
    auto asBuffer = [](const std::vector<float>& mono) {
        juce::AudioBuffer<float> b(1, int(mono.size()));
        std::copy(mono.begin(), mono.end(), b.getWritePointer(0));
        return b;
    };
    // Cm - Ab - Fm - G as 16th-note stabs (120 ms) on the "and" of every beat at 120 BPM, voiced around C4: too
    // short for the 186 ms chroma's prominence test, long enough for the 93 ms one.
    const std::vector<std::vector<int>> stabs { { 60, 63, 67 }, { 60, 63, 68 }, { 60, 65, 68 }, { 59, 62, 67 } };
    std::vector<std::vector<int>> perBeat;
    for (const auto& chord : stabs)
        for (int beat = 0; beat < 4; ++beat)
            perBeat.push_back(chord);
    auto stabLoop = plucks(perBeat, 0.5, 0.12, 8.0, 44100.0);
    std::rotate(stabLoop.begin(), stabLoop.end() - 11025, stabLoop.end()); // on the "and"s
    const auto stabResult = analyseLoop(asBuffer(stabLoop), 44100.0, "");
    CHECK(stabResult.role.role.value_or("null") == "chords");
    CHECK(stabResult.key.key.value_or("null") == "C minor");

    // A minor roots as 90 ms plucks on 8ths: A1 for a bar, then F1, C2, G1.
    std::vector<std::vector<int>> roots;
    for (int root : { 33, 29, 36, 31 })
        for (int n = 0; n < 8; ++n)
            roots.push_back({ root });
    const auto bassResult = analyseLoop(asBuffer(plucks(roots, 0.25, 0.09, 8.0, 44100.0)), 44100.0, "");
    CHECK(bassResult.role.role.value_or("null") == "bass");
    CHECK(bassResult.key.key.value_or("null") == "A minor");
}
