#pragma once
// Integrated loudness of a stereo stream fed block by block (a track while it renders): K-weighting and
// 100 ms step energies as libebur128 computes them, gated the same way (the tests hold it to libebur128
// within 0.01 LU), at a fraction of libebur128's cost: both channels run as the two lanes of one vector,
// the only serial dependency is one multiply-subtract per sample, and there is no interleaving copy.
#include "Mastering/KWeighting.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <optional>
#include <vector>

namespace loopmind::mastering {

class StreamingLoudness {
public:
    explicit StreamingLoudness(double sampleRate);

    /** Channels 0 and 1 of audio[start, start + numSamples); a mono buffer counts as both channels. */
    void add(const juce::AudioBuffer<float>& audio, int start, int numSamples);
    void add(const float* left, const float* right, int numSamples);

    /** nullopt: nothing above the gates (silence). */
    std::optional<double> integratedLufs() const { return gatedIntegratedLoudness(steps_, step_); }
    /** Loudness range (LU), as libebur128 measures it. */
    double loudnessRange() const { return mastering::loudnessRange(steps_, step_); }

private:
    StereoKFilter filter_;
    int step_;
    StereoKFilter::Pair stepSum_ {};  // energy of the step in progress, per channel
    int inStep_ = 0;                  // samples of it so far
    std::vector<double> steps_;       // energy of every complete step
};

} // namespace loopmind::mastering
