#pragma once
// "saturation": a tanh waveshaper with drive, a bias for even harmonics (removed again by a DC blocker), output
// gain and mix. Latency 0. Not oversampled: at high drive, partials above ~5 kHz alias; a 2x-oversampled mode
// (with its latency reported) is future work.
#include "Effects/BuiltInEffect.h"
#include <array>

namespace loopmind::effects {

class Saturation final : public BuiltInEffect {
public:
    Saturation();

protected:
    void prepare(double, int) override {}
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    juce::AudioParameterFloat *drive_, *bias_, *output_, *mix_;
    juce::SmoothedValue<float> driveRamp_, biasRamp_, outputRamp_, mixRamp_;
    std::array<float, 2> dcIn_ {}, dcOut_ {};
};

} // namespace loopmind::effects
