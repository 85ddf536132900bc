#pragma once
// Fast integrated loudness for the gain search. The prepared programme is K-weighted once (the
// BS.1770 pre-filter and RLB high-pass, libebur128's coefficients) and its per-sample channel-summed
// energy kept; a candidate master (prepared x gain x limiter curve) is then measured from that series:
// 100 ms step energies weighted by the squared curve, 400 ms blocks with 75 % overlap, absolute gate
// at -70 LUFS and relative gate at -10 LU, recomputed for every candidate (gating makes loudness
// non-linear in gain). The limiter curve moves slowly against the K-filter, so curve^2 x K(x)^2 stands
// in for K(curve x)^2; libebur128 still measures the delivered master, and the targeting corrects by
// the difference it reports.
#include "Mastering/ChunkProgress.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <optional>
#include <vector>

namespace loopmind::mastering {

class GatedLoudness {
public:
    /** With `input`, measures `prepared` as far as the stage writing it (another thread) has got, following it. */
    GatedLoudness(const juce::AudioBuffer<float>& prepared, double sampleRate, const ChunkProgress* input = nullptr);

    /** Integrated loudness (LUFS) of prepared x linearGain x curve; curve empty means unity. nullopt: all gated. */
    std::optional<double> integrated(double linearGain, const std::vector<float>& curve = {}) const;

private:
    std::vector<float> energy_; // K-weighted, summed over channels, per sample
    int step_ = 0;              // samples in 100 ms, as libebur128 counts them
    std::vector<double> unityStepEnergy_; // per 100 ms step with unity curve
};

} // namespace loopmind::mastering
