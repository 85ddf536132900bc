#pragma once
// "delay": a stereo (or ping-pong) echo, tempo-synced (1/16 ... 1/1, straight/dotted/triplet) or free in ms,
// with a one-pole high-cut inside the feedback loop so repeats darken. Latency 0.
// Delays are whole samples, so an echo lands exactly where the tempo puts it; a new time crossfades from the old
// tap to the new one (no pitch sweep, no click).
#include "Effects/BuiltInEffect.h"
#include "Effects/DelayLine.h"
#include <array>

namespace loopmind::effects {

class Delay final : public BuiltInEffect {
public:
    static constexpr double maximumDelaySeconds = 8.0;

    Delay();
    double getTailLengthSeconds() const override;

    /** The delay in samples the parameters ask for at this tempo and rate (clamped to 1 ... the maximum). */
    int delayInSamples(double bpm, double sampleRate) const;

protected:
    void prepare(double sampleRate, int maximumBlockSize) override;
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    juce::AudioParameterBool *sync_, *pingPong_;
    juce::AudioParameterChoice *note_, *feel_;
    juce::AudioParameterFloat *time_, *feedback_, *mix_, *highCut_;
    juce::SmoothedValue<float> feedbackRamp_, mixRamp_;
    juce::SmoothedValue<float, juce::ValueSmoothingTypes::Multiplicative> highCutRamp_;
    std::array<DelayLine, 2> lines_;
    std::array<float, 2> damped_ {}; // the high-cut's state per channel
    int currentDelay_ = 1, nextDelay_ = 1;
    int fadeLength_ = 1, fadePosition_ = 0; // fadePosition_ < fadeLength_ while crossfading to nextDelay_
};

} // namespace loopmind::effects
