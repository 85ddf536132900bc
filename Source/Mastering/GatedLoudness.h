#pragma once
// Fast integrated loudness for the gain search. The prepared programme is K-weighted once (the
// BS.1770 pre-filter and RLB high-pass, libebur128's coefficients) and its channel-summed energy per
// 100 ms step kept, with the filters' state at the start of every chunk of a few steps; a candidate
// master (prepared x gain x limiter curve) is then measured from those: a step the curve leaves at unity
// keeps its energy, and a chunk the curve touches is K-weighted again from its saved state (the same
// samples as the first time, to the bit) and weighted by the squared curve; 400 ms blocks with 75 %
// overlap, absolute gate at -70 LUFS and relative gate at -10 LU, recomputed for every candidate (gating
// makes loudness non-linear in gain). The limiter curve moves slowly against the K-filter, so
// curve^2 x K(x)^2 stands in for K(curve x)^2; libebur128 still measures the delivered master, and the
// targeting corrects by the difference it reports. Nothing per sample is kept.
#include "Mastering/ChunkProgress.h"
#include "Mastering/KWeighting.h"
#include "Mastering/TruePeakLimiter.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <optional>
#include <vector>

namespace loopmind::mastering {

class GatedLoudness {
public:
    /** With `input`, measures `prepared` as far as the stage writing it (another thread) has got, following it.
        `prepared` must outlive this, unchanged. */
    GatedLoudness(const juce::AudioBuffer<float>& prepared, double sampleRate, const ChunkProgress* input = nullptr);

    /** Integrated loudness (LUFS) of prepared x linearGain; nullopt: all gated. */
    std::optional<double> integrated(double linearGain) const;
    /** The same x curve, read from its start over the programme's whole steps. Thread-safe. */
    std::optional<double> integrated(double linearGain, LimiterCurve& curve) const;

private:
    /** e[0 .. count) = channel-summed K-weighted energy of samples [start, start + count), running `filters` on. */
    void energy(std::vector<StereoKFilter>& filters, int start, int count, float* e) const;

    const juce::AudioBuffer<float>& prepared_;
    int step_ = 0;                          // samples in 100 ms, as libebur128 counts them
    int chunk_ = 0;                         // a whole number of steps
    std::vector<StereoKFilter> chunkStarts_; // the filters (one per channel pair) at the start of each chunk
    std::vector<double> unityStepEnergy_;   // per 100 ms step with unity curve
};

} // namespace loopmind::mastering
