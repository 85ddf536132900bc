#pragma once
// "utility": gain, stereo width, mono, polarity per side and left/right swap. Latency 0.
// Everything is one 2x2 matrix applied to each sample pair; its four entries ramp, so even the switches
// (mono, polarity, swap) crossfade instead of clicking.
#include "Effects/BuiltInEffect.h"
#include <array>

namespace loopmind::effects {

class Utility final : public BuiltInEffect {
public:
    Utility();

    /** The matrix {LL, LR, RL, RR} (out L = LL·in L + LR·in R, ...) for the current parameter values. */
    std::array<float, 4> targetMatrix() const;

protected:
    void prepare(double, int) override {}
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    juce::AudioParameterFloat *gain_, *width_;
    juce::AudioParameterBool *mono_, *invertLeft_, *invertRight_, *swap_;
    std::array<juce::SmoothedValue<float>, 4> matrix_;
};

} // namespace loopmind::effects
