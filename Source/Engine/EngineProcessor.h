#pragma once
// Base for our own graph nodes: a juce::AudioProcessor without editor, programs or state.
#include <juce_audio_processors/juce_audio_processors.h>

namespace loopmind {

class EngineProcessor : public juce::AudioProcessor {
public:
    EngineProcessor(int inputChannels, int outputChannels);

    void releaseResources() override {}
    double getTailLengthSeconds() const override { return 0; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    juce::AudioProcessorEditor* createEditor() override { return nullptr; }
    bool hasEditor() const override { return false; }
    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram(int) override {}
    const juce::String getProgramName(int) override { return {}; }
    void changeProgramName(int, const juce::String&) override {}
    void getStateInformation(juce::MemoryBlock&) override {}
    void setStateInformation(const void*, int) override {}

private:
    static BusesProperties busesFor(int inputChannels, int outputChannels);
};

} // namespace loopmind
