// The true peak skips quiet blocks: it must equal what libebur128 reads from a full 4x-oversampled pass.
#include "Analysis/LoopAnalysis.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <ebur128.h>

namespace {
double fullPassTruePeakDb(const juce::AudioBuffer<float>& audio, double rate)
{
    const int channels = audio.getNumChannels(), n = audio.getNumSamples();
    auto* st = ebur128_init(unsigned(channels), (unsigned long)rate, EBUR128_MODE_TRUE_PEAK);
    std::vector<float> interleaved(size_t(n) * size_t(channels));
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < channels; ++c)
            interleaved[size_t(i) * size_t(channels) + size_t(c)] = audio.getSample(c, i);
    ebur128_add_frames_float(st, interleaved.data(), size_t(n));
    double peak = 0.0;
    for (int c = 0; c < channels; ++c) {
        double p = 0.0;
        ebur128_true_peak(st, unsigned(c), &p);
        peak = std::max(peak, p);
    }
    ebur128_destroy(&st);
    return 20.0 * std::log10(peak);
}
} // namespace

TEST_CASE("true peak from the loudest blocks equals a full oversampled pass", "[analysis][loudness]")
{
    const double rate = 44100.0;
    juce::AudioBuffer<float> audio(2, int(rate * 3));
    std::uint32_t seed = 99;
    for (int i = 0; i < audio.getNumSamples(); ++i) {
        seed = seed * 1664525u + 1013904223u;
        const double t = i / rate;
        // Decaying hits plus a near-Nyquist burst whose inter-sample peaks exceed its samples.
        const double hit = std::exp(-std::fmod(t, 0.5) * 8.0) * (float(seed >> 8) / float(1u << 23) - 1.0f) * 0.6;
        // A long loud stretch (several of the meter's chunks) with its overshoot near the end.
        const double sustained = (t > 0.6 && t < 1.2) ? 0.8 * std::sin(2.0 * 3.14159265358979 * 440.0 * t) : 0.0;
        const double late = (t > 1.15 && t < 1.16) ? 0.4 * std::sin(2.0 * 3.14159265358979 * 11025.0 * t + 0.785398) : 0.0;
        const double burst = (t > 2.0 && t < 2.05) ? 0.7 * std::sin(2.0 * 3.14159265358979 * 11025.0 * t + 0.785398) : 0.0;
        audio.setSample(0, i, float(hit + burst));
        audio.setSample(1, i, float(0.5 * hit + sustained + late));
    }
    const auto m = loopmind::analysis::measureLoudness(audio, rate);
    REQUIRE(m.truePeakDb);
    CHECK(*m.truePeakDb == Approx(fullPassTruePeakDb(audio, rate)).margin(1e-9));
}
