// Round 3's rules on built signals: a snare on every other beat of the faster grid (drum and bass at 174, not 87; a
// hip-hop groove or a rock beat doubled does not pass), a line running on every 8th at 165 (not 16ths at 82.5), and
// the mode of a bass line that plays no third (its 6th/7th degrees, else minor).
#include "Analysis/DrumPattern.h"
#include "Analysis/LoopAnalysis.h"
#include "Support/NoteSignals.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <random>

using namespace loopmind::analysis;
using loopmind::test::plucks;

namespace {
constexpr int kFramesPerBeat = 20;

struct Hit {
    double beat; // on the faster grid
    float low, crack;
};

/** An onset envelope of `beats` beats whose low (<150 Hz) and crack (1-5 kHz) fluxes hold the given hits, repeated
    every `patternBeats`; each hit decays over two frames. */
detail::OnsetEnvelope envelopeOf(const std::vector<Hit>& pattern, double patternBeats, int beats)
{
    detail::OnsetEnvelope env;
    const size_t n = size_t(beats * kFramesPerBeat);
    env.values.assign(n, 0.0f);
    env.low.assign(n, 0.0f);
    env.mid.assign(n, 0.0f);
    env.framesPerSecond = 86.0;
    for (double start = 0.0; start < beats; start += patternBeats)
        for (const auto& h : pattern)
            for (int d = 0; d < 3; ++d) {
                const auto i = (size_t(std::lround((start + h.beat) * kFramesPerBeat)) + size_t(d)) % n;
                const float fall = 1.0f / float(1 + 2 * d);
                env.low[i] = std::max(env.low[i], h.low * fall);
                env.mid[i] = std::max(env.mid[i], h.crack * fall);
                env.values[i] = env.low[i] + env.mid[i];
            }
    return env;
}

juce::AudioBuffer<float> asBuffer(const std::vector<float>& mono)
{
    juce::AudioBuffer<float> b(1, int(mono.size()));
    std::copy(mono.begin(), mono.end(), b.getWritePointer(0));
    return b;
}
} // namespace

TEST_CASE("a snare on every other beat of the faster grid is a backbeat there; doubled grooves do not pass", "[analysis][octave]")
{
    // Drum and bass at 174: kick on 1 (its beater click in the crack band nearly as strong as the snare's), snare on 2
    // and 4 ringing below 150 Hz too, a second kick on the "and" of 3, soft hats on the 8ths.
    const auto dnb = envelopeOf({ { 0.0, 1.8f, 0.18f }, { 1.0, 0.45f, 0.20f }, { 2.5, 1.5f, 0.15f }, { 3.0, 0.45f, 0.20f },
                                  { 0.5, 0.0f, 0.02f }, { 1.5, 0.0f, 0.02f }, { 2.0, 0.0f, 0.02f }, { 3.5, 0.0f, 0.02f } },
                                4.0, 16);
    CHECK(detail::snareOnEveryOtherBeat(dnb, 16, 0.0));
    // Boom-bap at 80 doubled to 160: snare on every fourth beat of the faster grid, 16th hats between.
    std::vector<Hit> hipHop { { 0.0, 1.4f, 0.18f }, { 1.5, 1.3f, 0.12f }, { 2.0, 0.3f, 0.45f }, { 5.0, 1.2f, 0.12f }, { 6.0, 0.3f, 0.45f } };
    for (double h = 0.0; h < 8.0; h += 0.5)
        hipHop.push_back({ h, 0.0f, 0.1f });
    CHECK_FALSE(detail::snareOnEveryOtherBeat(envelopeOf(hipHop, 8.0, 16), 16, 0.0));
    // A rock beat at 87 doubled to 174: kicks take the other snare-side beats.
    const auto rock = envelopeOf({ { 0.0, 1.7f, 0.24f }, { 2.0, 0.6f, 0.52f }, { 4.0, 1.7f, 0.24f }, { 6.0, 0.6f, 0.52f } }, 8.0, 16);
    CHECK_FALSE(detail::snareOnEveryOtherBeat(rock, 16, 0.0));
    // Four-on-the-floor at 90 doubled to 180: open hats on every off-beat, as regular as a snare, but a kick (and clap)
    // on every beat between them.
    const auto fourFloor = envelopeOf({ { 0.0, 1.8f, 0.2f }, { 1.0, 0.0f, 0.3f }, { 2.0, 1.8f, 0.45f }, { 3.0, 0.0f, 0.3f } }, 4.0, 16);
    CHECK_FALSE(detail::snareOnEveryOtherBeat(fourFloor, 16, 0.0));
}

TEST_CASE("a pitched line running on every 8th at 165 is read at 165, not as 16ths at 82.5", "[analysis][octave]")
{
    // A1 A1 C2 D2 as plucks on every 8th at 165 BPM, 16 beats (5.818 s).
    const double rate = 44100.0, eighth = 60.0 / 165.0 / 2.0;
    const auto line = plucks({ { 33 }, { 33 }, { 36 }, { 38 } }, eighth, 0.9 * eighth, 16 * 2 * eighth, rate);
    const auto t = estimateTempo(asBuffer(line), rate, "");
    REQUIRE(t.bpm.has_value());
    CHECK(*t.bpm == Approx(165.0).margin(1.0));
}

TEST_CASE("16th-note hats over kicks and a bass on the beats keep a groove at 85, not 170", "[analysis][octave]")
{
    // Kick on 1 and the "and" of 2, snare on 2 and 4, hats on every 16th, an A1 pluck on every beat: the hats fill the
    // 8ths of 170 as a running line would, but the low band holds kicks and beats, not notes on every 8th.
    const double rate = 44100.0, bpm = 85.0, beat = 60.0 / bpm, seconds = 8 * beat;
    auto mix = plucks({ { 33 } }, beat, 0.3, seconds, rate);
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    auto add = [&](double at, double length, auto&& sample) {
        const auto start = size_t(at * rate);
        for (size_t i = 0; i < size_t(length * rate); ++i)
            mix[(start + i) % mix.size()] += sample(double(i) / rate);
    };
    for (int b = 0; b < 8; ++b) {
        if (b % 2 == 0) {
            for (double at : { b * beat, (b + 1.5) * beat }) {
                double phase = 0.0;
                add(at, 0.25, [&](double t) { phase += 2 * 3.14159265358979 * (50.0 + 100.0 * std::exp(-t / 0.02)) / rate; return float(0.8 * std::sin(phase) * std::exp(-t / 0.08)); });
            }
        } else {
            add(b * beat, 0.15, [&](double t) { return 0.5f * noise(rng) * float(std::exp(-t / 0.04)); });
        }
        for (int h = 0; h < 4; ++h)
            add((b + 0.25 * h) * beat, 0.04, [&](double t) { return 0.15f * noise(rng) * float(std::exp(-t / 0.01)); });
    }
    const auto t = estimateTempo(asBuffer(mix), rate, "");
    REQUIRE(t.bpm.has_value());
    CHECK(*t.bpm == Approx(85.0).margin(1.0));
}

TEST_CASE("a bass line without a third takes its mode from its 6th and 7th, else minor", "[analysis]")
{
    const double rate = 44100.0;
    auto line = [&](std::initializer_list<int> roots) {
        std::vector<std::vector<int>> notes;
        for (int root : roots)
            for (int n = 0; n < 8; ++n)
                notes.push_back({ root });
        return analyseLoop(asBuffer(plucks(notes, 0.25, 0.09, 0.25 * 8 * int(roots.size()), rate)), rate, "");
    };
    // i-iv-i-v in A (A1, D2, A1, E2): no third, no 6th or 7th.
    const auto minorRoots = line({ 33, 38, 33, 40 });
    CHECK(minorRoots.role.role.value_or("null") == "bass");
    CHECK(minorRoots.key.key.value_or("null") == "A minor");
    // I-V-vi-IV in C (C2, G1, A1, F1): the major 6th says major.
    const auto majorRoots = line({ 36, 31, 33, 29 });
    CHECK(majorRoots.key.key.value_or("null") == "C major");
}
