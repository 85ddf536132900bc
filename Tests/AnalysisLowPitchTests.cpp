// The low-pitch profile (Analysis/LowPeriodicity): staccato bass notes read as periodic and low, with the right
// pitch classes; a kit's kicks and noise do not; a melody above G3 is one note at a time but not low.
#include "Analysis/LowPeriodicity.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace loopmind::analysis::detail;

namespace {
constexpr double rate = 22050.0;
constexpr double pi = 3.14159265358979323846;

double midiHz(int midi) { return 440.0 * std::pow(2.0, (midi - 69) / 12.0); }

/** Plucked notes (8 partials, exponential decay), one every `spacing` seconds, each `length` long. */
std::vector<float> plucks(const std::vector<int>& midiNotes, double spacing, double length, double seconds)
{
    std::vector<float> out(size_t(seconds * rate), 0.0f);
    for (size_t k = 0; double(k) * spacing < seconds; ++k) {
        const double hz = midiHz(midiNotes[k % midiNotes.size()]);
        const auto start = size_t(double(k) * spacing * rate);
        for (size_t i = 0; i < size_t(length * rate) && start + i < out.size(); ++i) {
            const double t = double(i) / rate;
            double v = 0.0;
            for (int h = 1; h <= 8; ++h)
                v += std::sin(2 * pi * hz * h * t) / h;
            const double fade = std::min(1.0, double(size_t(length * rate) - i) / 44.0); // 2 ms release
            out[start + i] += float(0.4 * v * std::exp(-t / 0.12) * fade);
        }
    }
    return out;
}

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
    const auto line = plucks({ 33, 36, 40 }, 0.25, 0.09, 4.0);
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
    const auto melody = lowPitchProfile(plucks({ 69, 72, 76, 74 }, 0.25, 0.2, 4.0), rate); // A4 C5 E5 D5
    CHECK(melody.singleNote > 0.6);
    CHECK(melody.lowNote < 0.1);
    const auto bass = lowPitchProfile(plucks({ 45 }, 0.5, 0.4, 4.0), rate); // A2, 110 Hz, held
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
