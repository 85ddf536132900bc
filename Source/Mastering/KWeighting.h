#pragma once
// ITU-R BS.1770 K-weighting and gating, shared by the meters of the mastering room: the two-stage filter
// (high-shelf pre-filter and RLB high-pass, combined into one 4th-order section with libebur128's
// coefficients for any sample rate), the 100 ms step that libebur128 counts in, and integrated loudness
// from per-step energies (400 ms blocks with 75 % overlap, absolute gate -70 LUFS, relative gate -10 LU).
#include <optional>
#include <vector>

namespace loopmind::mastering {

struct KFilter {
    double b[5] {}, a[5] {}; // the two stages combined, as libebur128 runs them

    /** Direct form II, one channel: state v[1..4]; returns the K-weighted sample. The feedback sum is
        ordered so the newest state comes last: the loop-carried dependency is one multiply-subtract. */
    double process(double x, double (&v)[5]) const
    {
        v[0] = x - a[4] * v[4] - a[3] * v[3] - a[2] * v[2] - a[1] * v[1];
        const double y = b[0] * v[0] + b[1] * v[1] + b[2] * v[2] + b[3] * v[3] + b[4] * v[4];
        v[4] = v[3];
        v[3] = v[2];
        v[2] = v[1];
        v[1] = v[0];
        return y;
    }
};

KFilter kWeighting(double sampleRate);

/** Samples in 100 ms, as libebur128 counts them. */
int loudnessStepLength(double sampleRate);

/** Integrated loudness (LUFS) from the channel-summed K-weighted energy of each 100 ms step, times
    gainSquared; nullopt when gating leaves nothing. */
std::optional<double> gatedIntegratedLoudness(const std::vector<double>& stepEnergy, int stepLength, double gainSquared = 1.0);

} // namespace loopmind::mastering
