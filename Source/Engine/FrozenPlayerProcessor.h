#pragma once
// Plays a frozen track (FrozenAudio.h) where a clip player and the track's inserts would be: one copy per block,
// from the transport's position, so seeks and loops need nothing of their own.
#include "Engine/EngineProcessor.h"
#include "Engine/FrozenAudio.h"

namespace loopmind {

class FrozenPlayerProcessor final : public EngineProcessor {
public:
    FrozenPlayerProcessor(std::shared_ptr<const juce::AudioBuffer<float>> audio, const TransportPlayHead& playHead)
        : EngineProcessor(0, 2), audio_(std::move(audio)), playHead_(playHead)
    {
    }

    const juce::String getName() const override { return "Frozen track"; }
    void prepareToPlay(double, int) override {}
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override
    {
        readFrozen(*audio_, playHead_.position(), buffer, buffer.getNumSamples());
    }

private:
    std::shared_ptr<const juce::AudioBuffer<float>> audio_;
    const TransportPlayHead& playHead_;
};

} // namespace loopmind
