#pragma once
// Track gain, pan (stereo balance) and mute. Settings are atomics so the message thread can change them
// while playing; changes ramp over one block so they never click.
#include "Engine/EngineProcessor.h"
#include <atomic>

namespace loopmind {

class GainPanProcessor final : public EngineProcessor {
public:
    GainPanProcessor(double gainDb, double pan);

    const juce::String getName() const override { return "Gain/pan"; }
    void prepareToPlay(double, int) override;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override;

    void setGainDb(double db) { gainDb_.store(float(db)); }
    void setPan(double pan) { pan_.store(float(juce::jlimit(-1.0, 1.0, pan))); }
    void setMuted(bool muted) { muted_.store(muted); }

    /** Left and right gains for a gain in dB and a pan: balance law, unity at centre. */
    static std::pair<float, float> channelGains(float gainDb, float pan, bool muted);

private:
    std::atomic<float> gainDb_, pan_;
    std::atomic<bool> muted_ { false };
    float currentLeft_ = 0, currentRight_ = 0;
};

/** The master bus: every track feeds its two inputs (the plan sums them in a fixed order); applies master gain. */
class MasterBusProcessor final : public EngineProcessor {
public:
    MasterBusProcessor() : EngineProcessor(2, 2) {}
    const juce::String getName() const override { return "Master bus"; }
    void prepareToPlay(double, int) override {}
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override;
    void setGainDb(double db) { gainDb_.store(float(db)); }

private:
    std::atomic<float> gainDb_ { 0.0f };
};

} // namespace loopmind
