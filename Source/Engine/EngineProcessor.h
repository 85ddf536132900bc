#pragma once
// Base for our own graph nodes: a juce::AudioProcessor without editor, programs or state.
#include "Core/PlainProcessor.h"

namespace loopmind {

class EngineProcessor : public PlainProcessor {
public:
    EngineProcessor(int inputChannels, int outputChannels);

    void getStateInformation(juce::MemoryBlock&) override {}
    void setStateInformation(const void*, int) override {}

private:
    static BusesProperties busesFor(int inputChannels, int outputChannels);
};

} // namespace loopmind
