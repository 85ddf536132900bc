#include "Mastering/TonalBalance.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
namespace {
// Neutral band shares, from averaged spectra of balanced masters (a band filter of 2nd order, as below).
constexpr double neutralLowDb = -4.0, neutralHighDb = -14.0;
constexpr double maxShelfDb = 3.0; // at intensity 1: a corrective nudge, never a redesign of the mix
constexpr double towards = 0.5;    // move half-way: the producer's choice of balance is mostly respected
} // namespace

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
