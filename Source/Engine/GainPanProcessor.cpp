#include "Engine/GainPanProcessor.h"

namespace loopmind {

GainPanProcessor::GainPanProcessor(double gainDb, double pan)
    : EngineProcessor(2, 2), gainDb_(float(gainDb)), pan_(float(juce::jlimit(-1.0, 1.0, pan)))
{
}

std::pair<float, float> GainPanProcessor::channelGains(float gainDb, float pan, bool muted)
{
    if (muted)
        return { 0.0f, 0.0f };
    const float g = juce::Decibels::decibelsToGain(gainDb, -120.0f);
    return { g * (pan > 0 ? 1.0f - pan : 1.0f), g * (pan < 0 ? 1.0f + pan : 1.0f) };
}

void GainPanProcessor::prepareToPlay(double, int)
{
    std::tie(currentLeft_, currentRight_) = channelGains(gainDb_.load(), pan_.load(), muted_.load());
}

void GainPanProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    const auto [left, right] = channelGains(gainDb_.load(), pan_.load(), muted_.load());
    const int n = buffer.getNumSamples();
    buffer.applyGainRamp(0, 0, n, currentLeft_, left);
    buffer.applyGainRamp(1, 0, n, currentRight_, right);
    currentLeft_ = left;
    currentRight_ = right;
}

void MasterBusProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    const float g = juce::Decibels::decibelsToGain(gainDb_.load(), -120.0f);
    if (g != 1.0f)
        buffer.applyGain(g);
}

} // namespace loopmind
