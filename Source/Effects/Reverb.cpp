#include "Effects/Reverb.h"
#include "Effects/ParameterRanges.h"
#include <cmath>

namespace loopmind::effects {

Reverb::Reverb() : BuiltInEffect("reverb", stereoBuses())
{
    size_ = &addFloat("size", "Room size", linearRange(0, 100), 60, "%");
    damping_ = &addFloat("damping", "Damping", linearRange(0, 100), 40, "%");
    width_ = &addFloat("width", "Width", linearRange(0, 100), 100, "%");
    mix_ = &addFloat("mix", "Mix", linearRange(0, 100), 25, "%");
    preDelay_ = &addFloat("pre_delay", "Pre-delay", linearRange(0, 250), 10, "ms");
}

juce::Reverb::Parameters Reverb::targetParameters() const
{
    juce::Reverb::Parameters p;
    p.roomSize = size_->get() / 100.0f;
    p.damping = damping_->get() / 100.0f;
    p.width = width_->get() / 100.0f;
    p.wetLevel = 1.0f; // the mix is applied here, so the dry path stays sample-exact
    p.dryLevel = 0.0f;
    p.freezeMode = 0.0f;
    return p;
}

double Reverb::getTailLengthSeconds() const
{
    // The combs' feedback is 0.7 + 0.28 x size; the longest comb (1617 samples at 44.1 kHz) decays by 60 dB after
    // 3 / -log10(feedback) passes.
    const double feedback = 0.7 + 0.28 * size_->get() / 100.0;
    return 0.001 * preDelay_->get() + (1617.0 / 44100.0) * 3.0 / -std::log10(feedback);
}

void Reverb::prepare(double rate, int maximumBlockSize)
{
    reverb_.setSampleRate(rate); // sizes the combs: allocates
    for (auto& line : preDelayLines_)
        line.allocate(int(std::ceil(maximumPreDelaySeconds * rate)) + 1);
    wet_.setSize(2, maximumBlockSize);
}

void Reverb::clearState()
{
    reverb_.setParameters(targetParameters());
    reverb_.reset();
    for (auto& line : preDelayLines_)
        line.clear();
}

void Reverb::process(juce::AudioBuffer<float>& buffer, const BlockTiming&)
{
    reverb_.setParameters(targetParameters()); // juce::Reverb ramps its gains and damping itself
    const int n = std::min(buffer.getNumSamples(), wet_.getNumSamples());
    const int delay = std::max(1, int(std::lround(0.001 * preDelay_->get() * sampleRate())));
    for (int c = 0; c < 2; ++c) {
        const float* in = buffer.getReadPointer(c);
        float* wet = wet_.getWritePointer(c);
        auto& line = preDelayLines_[size_t(c)];
        for (int i = 0; i < n; ++i) {
            line.push(in[i]);
            wet[i] = line.read(delay);
        }
    }
    reverb_.processStereo(wet_.getWritePointer(0), wet_.getWritePointer(1), n);
    const float mix = mix_->get() / 100.0f;
    for (int c = 0; c < 2; ++c) {
        float* out = buffer.getWritePointer(c);
        const float* wet = wet_.getReadPointer(c);
        for (int i = 0; i < n; ++i)
            out[i] = (1.0f - mix) * out[i] + mix * wet[i];
    }
}

} // namespace loopmind::effects
