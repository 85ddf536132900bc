#include "Effects/Delay.h"
#include "Effects/NoteValue.h"
#include "Effects/ParameterRanges.h"
#include <cmath>

namespace loopmind::effects {

Delay::Delay() : BuiltInEffect("delay", stereoBuses())
{
    sync_ = &addBool("sync", "Tempo sync", true);
    note_ = &addChoice("note", "Note value", noteValueNames(false), 2);
    feel_ = &addChoice("feel", "Feel", noteFeelNames(), 0);
    time_ = &addFloat("time", "Time (free)", skewedRange(1, 2000, 250), 250, "ms");
    feedback_ = &addFloat("feedback", "Feedback", linearRange(0, 95), 35, "%");
    mix_ = &addFloat("mix", "Mix", linearRange(0, 100), 30, "%");
    pingPong_ = &addBool("ping_pong", "Ping-pong", false);
    highCut_ = &addFloat("high_cut", "Feedback high-cut", frequencyRange(1000, 20000), 8000, "Hz");
}

int Delay::delayInSamples(double bpm, double rate) const
{
    const double seconds = sync_->get() ? noteLengthInQuarters(note_->getIndex(), feel_->getIndex()) * 60.0 / bpm
                                        : 0.001 * time_->get();
    const double samples = std::round(std::min(seconds, maximumDelaySeconds) * rate);
    return int(std::max(1.0, samples));
}

double Delay::getTailLengthSeconds() const
{
    // Repeats fall by the feedback each time: until -60 dB, plus the first one.
    const double delay = delayInSamples(tempo(), sampleRate()) / sampleRate();
    const double fb = feedback_->get() / 100.0;
    const double repeats = fb > 0.001 ? std::ceil(-3.0 / std::log10(fb)) : 0.0;
    return delay * (1 + repeats);
}

void Delay::prepare(double rate, int)
{
    for (auto& line : lines_)
        line.allocate(int(std::ceil(maximumDelaySeconds * rate)) + 1);
    fadeLength_ = std::max(1, int(0.05 * rate));
}

void Delay::clearState()
{
    for (auto& line : lines_)
        line.clear();
    damped_ = {};
    snap(feedbackRamp_, feedback_->get() / 100.0f);
    snap(mixRamp_, mix_->get() / 100.0f);
    snap(highCutRamp_, highCut_->get());
    currentDelay_ = nextDelay_ = delayInSamples(tempo(), sampleRate());
    fadePosition_ = fadeLength_;
}

void Delay::process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing)
{
    feedbackRamp_.setTargetValue(feedback_->get() / 100.0f);
    mixRamp_.setTargetValue(mix_->get() / 100.0f);
    highCutRamp_.setTargetValue(highCut_->get());
    const int wanted = delayInSamples(timing.bpm, sampleRate());
    if (fadePosition_ >= fadeLength_ && wanted != currentDelay_) { // a change mid-fade waits for the fade to end
        nextDelay_ = wanted;
        fadePosition_ = 0;
    }
    const bool pingPong = pingPong_->get();
    const float twoPiOverRate = float(2 * juce::MathConstants<double>::pi / sampleRate());
    float* channels[2] = { buffer.getWritePointer(0), buffer.getWritePointer(1) };

    for (int i = 0; i < buffer.getNumSamples(); ++i) {
        const float feedback = feedbackRamp_.getNextValue(), mix = mixRamp_.getNextValue();
        const float damping = 1.0f - std::exp(-twoPiOverRate * highCutRamp_.getNextValue());
        float fade = 0;
        if (fadePosition_ < fadeLength_ && ++fadePosition_ == fadeLength_)
            currentDelay_ = nextDelay_;
        else if (fadePosition_ < fadeLength_)
            fade = float(fadePosition_) / float(fadeLength_);

        std::array<float, 2> tap {}, input {};
        for (size_t c = 0; c < 2; ++c) {
            input[c] = channels[c][i];
            tap[c] = lines_[c].read(currentDelay_);
            if (fade > 0)
                tap[c] += fade * (lines_[c].read(nextDelay_) - tap[c]);
            damped_[c] += damping * (tap[c] - damped_[c]);
        }
        if (pingPong) { // the input enters on the left; each repeat crosses to the other side
            lines_[0].push(0.5f * (input[0] + input[1]) + feedback * damped_[1]);
            lines_[1].push(feedback * damped_[0]);
        } else {
            lines_[0].push(input[0] + feedback * damped_[0]);
            lines_[1].push(input[1] + feedback * damped_[1]);
        }
        for (size_t c = 0; c < 2; ++c)
            channels[c][i] = (1.0f - mix) * input[c] + mix * tap[c];
    }
}

} // namespace loopmind::effects
