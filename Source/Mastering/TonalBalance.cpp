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

BandEnergies measureBandEnergies(const float* x, int numSamples, double sampleRate)
{
    BandEnergies e;
    Biquad lowPass(BiquadCoefficients::lowPass(sampleRate, 150.0, 0.7071));
    Biquad highPass(BiquadCoefficients::highPass(sampleRate, 5000.0, 0.7071));
    for (int i = 0; i < numSamples; ++i) {
        const double v = x[i], l = lowPass.process(v), h = highPass.process(v);
        e.total += v * v;
        e.low += l * l;
        e.high += h * h;
    }
    return e;
}

TonalCorrection tonalCorrection(const std::vector<BandEnergies>& channels, int numSamples, double intensity)
{
    TonalCorrection t;
    double total = 0, low = 0, high = 0;
    for (const auto& e : channels) {
        total += e.total;
        low += e.low;
        high += e.high;
    }
    if (total <= 1e-12 * std::max(1, numSamples))
        return t; // silence or near-silence: nothing to judge
    t.lowBandDb = 10.0 * std::log10(std::max(low, 1e-30) / total);
    t.highBandDb = 10.0 * std::log10(std::max(high, 1e-30) / total);
    const double bound = maxShelfDb * std::clamp(intensity, 0.0, 1.0);
    t.lowShelfDb = std::clamp(towards * (neutralLowDb - t.lowBandDb), -bound, bound);
    t.highShelfDb = std::clamp(towards * (neutralHighDb - t.highBandDb), -bound, bound);
    return t;
}

} // namespace loopmind::mastering
