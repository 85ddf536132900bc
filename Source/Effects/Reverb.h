#pragma once
// "reverb": an algorithmic room (JUCE's Freeverb-style juce::Reverb: eight damped combs and four all-passes per
// channel) behind a pre-delay, for a return bus or an insert. Latency 0; the dry path is untouched.
#include "Effects/BuiltInEffect.h"
#include "Effects/DelayLine.h"
#include <array>

namespace loopmind::effects {

class Reverb final : public BuiltInEffect {
public:
    static constexpr double maximumPreDelaySeconds = 0.25;

    Reverb();
    double getTailLengthSeconds() const override;

protected:
    void prepare(double sampleRate, int maximumBlockSize) override;
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    juce::Reverb::Parameters targetParameters() const;

    juce::AudioParameterFloat *size_, *damping_, *width_, *mix_, *preDelay_;
    juce::Reverb reverb_;
    std::array<DelayLine, 2> preDelayLines_;
    juce::AudioBuffer<float> wet_;
};

} // namespace loopmind::effects
