#include "Effects/Compressor.h"
#include "Effects/ParameterRanges.h"
#include <cmath>

namespace loopmind::effects {

Compressor::Compressor()
    : BuiltInEffect("compressor", stereoBuses().withInput("Sidechain", juce::AudioChannelSet::stereo(), true))
{
    threshold_ = &addFloat("threshold", "Threshold", linearRange(-60, 0), -18, "dB");
    ratio_ = &addFloat("ratio", "Ratio", skewedRange(1, 20, 4), 4, ":1");
    attack_ = &addFloat("attack", "Attack", skewedRange(0.1f, 100, 10), 10, "ms");
    release_ = &addFloat("release", "Release", skewedRange(10, 2000, 200), 150, "ms");
    knee_ = &addFloat("knee", "Knee", linearRange(0, 24), 6, "dB");
    makeup_ = &addFloat("makeup", "Makeup gain", linearRange(0, 24), 0, "dB");
    mix_ = &addFloat("mix", "Mix", linearRange(0, 100), 100, "%");
    sidechain_ = &addBool("sidechain", "External sidechain", false);
}

float Compressor::gainReductionDb(float levelDb, float thresholdDb, float ratio, float kneeDb)
{
    // Giannoulis, Massberg & Reiss (2012): quadratic knee of width W centred on the threshold.
    const float over = levelDb - thresholdDb, slope = 1.0f - 1.0f / ratio;
    if (2 * over <= -kneeDb)
        return 0;
    if (2 * std::abs(over) < kneeDb) {
        const float inKnee = over + kneeDb / 2;
        return slope * inKnee * inKnee / (2 * kneeDb);
    }
    return slope * over;
}

void Compressor::clearState()
{
    snap(thresholdRamp_, threshold_->get());
    snap(ratioRamp_, ratio_->get());
    snap(kneeRamp_, knee_->get());
    snap(makeupRamp_, makeup_->get());
    snap(mixRamp_, mix_->get() / 100.0f);
    envelopeDb_ = 0;
    meter_.store(0);
}

void Compressor::process(juce::AudioBuffer<float>& buffer, const BlockTiming&)
{
    thresholdRamp_.setTargetValue(threshold_->get());
    ratioRamp_.setTargetValue(ratio_->get());
    kneeRamp_.setTargetValue(knee_->get());
    makeupRamp_.setTargetValue(makeup_->get());
    mixRamp_.setTargetValue(mix_->get() / 100.0f);
    const float attack = float(std::exp(-1.0 / (0.001 * attack_->get() * sampleRate())));
    const float release = float(std::exp(-1.0 / (0.001 * release_->get() * sampleRate())));

    float* left = buffer.getWritePointer(0);
    float* right = buffer.getWritePointer(1);
    // Without a connected sidechain the detector hears the main input.
    const bool external = sidechain_->get() && buffer.getNumChannels() >= 4;
    const float* detectLeft = external ? buffer.getReadPointer(2) : left;
    const float* detectRight = external ? buffer.getReadPointer(3) : right;

    float deepest = 0;
    for (int i = 0; i < buffer.getNumSamples(); ++i) {
        const float peak = std::max(std::abs(detectLeft[i]), std::abs(detectRight[i]));
        const float levelDb = peak > 1e-6f ? 20.0f * std::log10(peak) : -120.0f;
        const float target = gainReductionDb(levelDb, thresholdRamp_.getNextValue(), ratioRamp_.getNextValue(),
                                             kneeRamp_.getNextValue());
        const float coefficient = target > envelopeDb_ ? attack : release;
        envelopeDb_ = target + coefficient * (envelopeDb_ - target);
        deepest = std::max(deepest, envelopeDb_);
        const float gain = juce::Decibels::decibelsToGain(makeupRamp_.getNextValue() - envelopeDb_, -200.0f);
        const float mix = mixRamp_.getNextValue();
        for (float* channel : { left, right }) {
            const float dry = channel[i];
            channel[i] = (1.0f - mix) * dry + mix * (dry * gain);
        }
    }
    meter_.store(deepest, std::memory_order_relaxed);
    // The sidechain bus is an input only: what the host reads back from those channels is silence.
    if (buffer.getNumChannels() >= 4) {
        buffer.clear(2, 0, buffer.getNumSamples());
        buffer.clear(3, 0, buffer.getNumSamples());
    }
}

} // namespace loopmind::effects
