#include "Mastering/TonalBalance.h"
#include "Mastering/Biquad.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
namespace {
// Neutral band shares, from averaged spectra of balanced masters (a band filter of 2nd order, as below).
constexpr double neutralLowDb = -4.0, neutralHighDb = -14.0;
constexpr double maxShelfDb = 3.0; // at intensity 1: a corrective nudge, never a redesign of the mix
constexpr double towards = 0.5;    // move half-way: the producer's choice of balance is mostly respected
} // namespace

TonalCorrection measureTonalCorrection(const juce::AudioBuffer<float>& audio, double sampleRate, double intensity)
{
    TonalCorrection t;
    double total = 0, low = 0, high = 0;
    const auto lowCoefficients = BiquadCoefficients::lowPass(sampleRate, 150.0, 0.7071);
    const auto highCoefficients = BiquadCoefficients::highPass(sampleRate, 5000.0, 0.7071);
    for (int c = 0; c < audio.getNumChannels(); ++c) {
        Biquad lowPass(lowCoefficients), highPass(highCoefficients);
        const float* x = audio.getReadPointer(c);
        for (int i = 0; i < audio.getNumSamples(); ++i) {
            const double v = x[i], l = lowPass.process(v), h = highPass.process(v);
            total += v * v;
            low += l * l;
            high += h * h;
        }
    }
    if (total <= 1e-12 * std::max(1, audio.getNumSamples()))
        return t; // silence or near-silence: nothing to judge
    t.lowBandDb = 10.0 * std::log10(std::max(low, 1e-30) / total);
    t.highBandDb = 10.0 * std::log10(std::max(high, 1e-30) / total);
    const double bound = maxShelfDb * std::clamp(intensity, 0.0, 1.0);
    t.lowShelfDb = std::clamp(towards * (neutralLowDb - t.lowBandDb), -bound, bound);
    t.highShelfDb = std::clamp(towards * (neutralHighDb - t.highBandDb), -bound, bound);
    return t;
}

} // namespace loopmind::mastering
