#include "Effects/Saturation.h"
#include "Effects/ParameterRanges.h"
#include <cmath>

namespace loopmind::effects {

Saturation::Saturation() : BuiltInEffect("saturation", stereoBuses())
{
    drive_ = &addFloat("drive", "Drive", linearRange(0, 36), 6, "dB");
    bias_ = &addFloat("bias", "Asymmetry", linearRange(0, 50), 0, "%");
    output_ = &addFloat("output", "Output", linearRange(-24, 12), 0, "dB");
    mix_ = &addFloat("mix", "Mix", linearRange(0, 100), 100, "%");
}

void Saturation::clearState()
{
    snap(driveRamp_, drive_->get());
    snap(biasRamp_, bias_->get() / 100.0f);
    snap(outputRamp_, output_->get());
    snap(mixRamp_, mix_->get() / 100.0f);
    dcIn_ = {};
    dcOut_ = {};
}

void Saturation::process(juce::AudioBuffer<float>& buffer, const BlockTiming&)
{
    driveRamp_.setTargetValue(drive_->get());
    biasRamp_.setTargetValue(bias_->get() / 100.0f);
    outputRamp_.setTargetValue(output_->get());
    mixRamp_.setTargetValue(mix_->get() / 100.0f);
    // DC blocker pole: -3 dB near 10 Hz at any rate.
    const float pole = float(std::exp(-2 * juce::MathConstants<double>::pi * 10.0 / sampleRate()));
    float* channels[2] = { buffer.getWritePointer(0), buffer.getWritePointer(1) };
    for (int i = 0; i < buffer.getNumSamples(); ++i) {
        const float drive = juce::Decibels::decibelsToGain(driveRamp_.getNextValue());
        const float bias = biasRamp_.getNextValue(), mix = mixRamp_.getNextValue();
        const float output = juce::Decibels::decibelsToGain(outputRamp_.getNextValue());
        // Normalised so a small signal passes at unity whatever the drive: tanh(d x) / d near zero is x.
        const float biasOffset = std::tanh(bias);
        for (size_t c = 0; c < 2; ++c) {
            const float x = channels[c][i];
            const float shaped = (std::tanh(drive * x + bias) - biasOffset) / drive;
            // One-pole DC blocker: the bias's offset and its even-harmonic DC go; audio stays.
            const float blocked = shaped - dcIn_[c] + pole * dcOut_[c];
            dcIn_[c] = shaped;
            dcOut_[c] = blocked;
            channels[c][i] = output * ((1.0f - mix) * x + mix * blocked);
        }
    }
}

} // namespace loopmind::effects
