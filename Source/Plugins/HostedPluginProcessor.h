#pragma once
// A hosted plug-in as a stereo insert (the graph's strips are stereo pairs). A stereo plug-in runs as it is; one
// with a single output runs twice, left and right with the same settings ("dual mono", as most DAWs do); mono in and
// stereo out gets the pair's average. Input channels past the first two (or the first, dual mono) are a sidechain
// or the like: they get silence.
// Our side is real-time safe: every buffer is sized in prepareToPlay, and processBlock only copies and calls the
// plug-in (what the plug-in does on that thread is its own business). Its latency is reported as ours, so the plan
// lines the other paths up with it. JUCE's plug-in instances forget state and parameter values set before they are
// prepared, so the slot's settings are applied after each prepareToPlay (a later one keeps what the plug-in had).
#include "Core/PlainProcessor.h"
#include <juce_audio_processors/juce_audio_processors.h>
#include <memory>
#include <utility>
#include <vector>

namespace loopmind::plugins {

class HostedPluginProcessor : public PlainProcessor {
public:
    /** What the slot sets, after the plug-in's own defaults: its saved state, then parameters by index (normalised). */
    struct Settings {
        juce::MemoryBlock state;
        std::vector<std::pair<int, float>> parameters;
    };

    /** `second`: the right channel's instance for a mono plug-in (same plug-in); null otherwise. */
    HostedPluginProcessor(std::unique_ptr<juce::AudioPluginInstance> instance, std::unique_ptr<juce::AudioPluginInstance> second,
                          Settings settings);
    ~HostedPluginProcessor() override;

    /** The plug-in (the left one when dual mono): its editor, parameters and state. */
    juce::AudioPluginInstance& instance() { return *instances_[0]; }
    bool dualMono() const { return instances_[1] != nullptr; }

    const juce::String getName() const override { return instances_[0]->getName(); }
    void prepareToPlay(double sampleRate, int maximumBlockSize) override;
    void releaseResources() override;
    void reset() override;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override;
    double getTailLengthSeconds() const override { return instances_[0]->getTailLengthSeconds(); }
    bool isBusesLayoutSupported(const BusesLayout& layouts) const override;
    void getStateInformation(juce::MemoryBlock& destination) override { instances_[0]->getStateInformation(destination); }
    void setStateInformation(const void* data, int size) override;

private:
    void applySettings();
    struct Follower; // keeps the right instance's parameters equal to the left's (dual mono)
    std::unique_ptr<juce::AudioPluginInstance> instances_[2];
    std::unique_ptr<Follower> follower_;
    juce::AudioBuffer<float> scratch_[2]; // each instance's own channel count, sized in prepareToPlay
    juce::MidiBuffer midi_;                // always empty: effects get no MIDI from us
    Settings settings_;
    bool prepared_ = false;
};

} // namespace loopmind::plugins
