#include "Analysis/OnsetNoise.h"
#include <algorithm>

namespace loopmind::analysis::detail {
namespace {
// Noise, not a note's attack: in-sample, no frame of any bass line (slap lines included) is this flat; snare and hat
// attacks are (slap attacks reach 0.1-0.2).
constexpr double kNoiseFlatness = 0.2;
} // namespace

double noisyAttackShare(const OnsetEnvelope& onsets)
{
    const size_t frames = onsets.energy.size();
    if (frames < 3 || onsets.lowEnergy.size() != frames || onsets.flatness.size() != frames)
        return 0.0;
    auto highAt = [&](size_t n) { return std::max(0.0, double(onsets.energy[n]) - double(onsets.lowEnergy[n])); };
    double noisy = 0.0, rises = 0.0;
    for (size_t n = 0; n < frames; ++n) {
        // Two hops back (~23 ms): an attack rises across the 46 ms window's leading edge. The loop wraps.
        const double rise = std::max(0.0, highAt(n) - highAt((n + frames - 2) % frames));
        if (onsets.flatness[n] > kNoiseFlatness)
            noisy += rise;
        rises += rise;
    }
    return rises > 0.0 ? noisy / rises : 0.0;
}

} // namespace loopmind::analysis::detail
