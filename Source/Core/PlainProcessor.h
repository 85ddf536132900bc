#pragma once
// A juce::AudioProcessor with no editor, no MIDI and one program: what every processor of ours (engine nodes,
// built-in effects) is. Subclasses add buses, state and tail as they need.
#include <juce_audio_processors/juce_audio_processors.h>

namespace loopmind {

class PlainProcessor : public juce::AudioProcessor {
public:
    using juce::AudioProcessor::AudioProcessor;

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
};

} // namespace loopmind
