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
};

KFilter kWeighting(double sampleRate);

/** A stereo pair through the K-filter at once: left and right are the two lanes of one SSE2 vector, so
    each channel gets its own direct-form-II arithmetic while the pair costs about one channel. The feedback
    sum is ordered so the newest state comes last: the loop-carried dependency is one multiply-subtract. */
class StereoKFilter {
public:
    using Pair = double __attribute__((vector_size(16))); // GCC and clang vector extension: { left, right }

    explicit StereoKFilter(const KFilter& f)
    {
        for (int k = 0; k < 5; ++k) {
            a_[k] = Pair { f.a[k], f.a[k] };
            b_[k] = Pair { f.b[k], f.b[k] };
        }
    }

    /** Filters n samples of left and right, calling sink(i, y) with the filtered pair y of sample i. */
    template <typename Sink>
    void run(const float* left, const float* right, int n, Sink&& sink)
    {
        Pair s1 = s_[1], s2 = s_[2], s3 = s_[3], s4 = s_[4]; // in registers through the loop
        for (int i = 0; i < n; ++i) {
            const Pair x { double(left[i]), double(right[i]) };
            const Pair s0 = x - a_[4] * s4 - a_[3] * s3 - a_[2] * s2 - a_[1] * s1;
            sink(i, b_[0] * s0 + b_[1] * s1 + b_[2] * s2 + b_[3] * s3 + b_[4] * s4);
            s4 = s3;
            s3 = s2;
            s2 = s1;
            s1 = s0;
        }
        s_[1] = s1;
        s_[2] = s2;
        s_[3] = s3;
        s_[4] = s4;
    }

private:
    Pair a_[5] {}, b_[5] {}, s_[5] {};
};

/** Samples in 100 ms, as libebur128 counts them. */
int loudnessStepLength(double sampleRate);

/** Integrated loudness (LUFS) from the channel-summed K-weighted energy of each 100 ms step, times
    gainSquared; nullopt when gating leaves nothing. */
std::optional<double> gatedIntegratedLoudness(const std::vector<double>& stepEnergy, int stepLength, double gainSquared = 1.0);

/** Loudness range (EBU Tech 3342, LU) from the same step energies, as libebur128 counts it: 3 s short-term
    blocks every second, absolute gate -70 LUFS, relative gate -20 LU, 10th to 95th percentile. 0 when nothing passes. */
double loudnessRange(const std::vector<double>& stepEnergy, int stepLength);

} // namespace loopmind::mastering
