#pragma once
// Base of every built-in effect: a juce::AudioProcessor (stereo in/out, no editor) whose parameters have stable
// IDs, ranges, units and defaults. Parameters are written on the message thread and read on the audio thread as
// atomics; each effect ramps them. State is the parameters by ID, as XML in a juce::ValueTree; no files.
#include "Core/PlainProcessor.h"
#include "Effects/BlockTiming.h"
#include <atomic>
#include <juce_audio_processors/juce_audio_processors.h>
#include <vector>

namespace loopmind::effects {

/** Ramp length for parameter changes: long enough not to click, short enough to feel immediate. */
inline constexpr double rampSeconds = 0.02;

class BuiltInEffect : public PlainProcessor {
public:
    /** The factory's type name: "eq", "compressor", ... */
    const juce::String& typeName() const noexcept { return typeName_; }

    /** Parameters in declaration order; their IDs are what arrangement.json stores. */
    const std::vector<juce::RangedAudioParameter*>& parameterList() const noexcept { return parameters_; }
    juce::RangedAudioParameter* parameter(const juce::String& id) const;
    /** Message thread: sets a parameter by ID to a plain (non-normalised) value; false for an unknown ID. */
    bool setParameter(const juce::String& id, float plainValue);
    /** The plain value of a parameter (0 for an unknown ID). */
    float parameterValue(const juce::String& id) const;

    /** Host tempo when there is no AudioPlayHead (or it reports none). Any thread. */
    void setTempo(double bpm) noexcept { tempo_.store(juce::jlimit(BlockTiming::minBpm, BlockTiming::maxBpm, bpm)); }

    juce::ValueTree stateTree() const;
    /** Unknown IDs are ignored, missing ones keep their value: older and newer states both load. */
    void restoreState(const juce::ValueTree& state);

    // juce::AudioProcessor
    const juce::String getName() const override { return typeName_; }
    void prepareToPlay(double sampleRate, int maximumBlockSize) final;
    void reset() final;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) final;
    bool isBusesLayoutSupported(const BusesLayout& layouts) const override;
    void getStateInformation(juce::MemoryBlock& destination) override;
    void setStateInformation(const void* data, int sizeInBytes) override;

protected:
    BuiltInEffect(juce::String typeName, const BusesProperties& buses);
    static BusesProperties stereoBuses();

    juce::AudioParameterFloat& addFloat(const juce::String& id, const juce::String& name, juce::NormalisableRange<float> range,
                                        float defaultValue, const juce::String& unit);
    juce::AudioParameterChoice& addChoice(const juce::String& id, const juce::String& name, const juce::StringArray& choices,
                                          int defaultIndex);
    juce::AudioParameterBool& addBool(const juce::String& id, const juce::String& name, bool defaultValue);

    /** Allocates everything for this rate and block size, then leaves the effect as after clearState(). */
    virtual void prepare(double sampleRate, int maximumBlockSize) = 0;
    /** Clears delay lines and filters, snaps every ramp to its parameter's current value. No allocation. */
    virtual void clearState() = 0;
    /** The audio thread's work on the main bus (two channels) and, if enabled, the other buses. */
    virtual void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) = 0;

    double sampleRate() const noexcept { return sampleRate_; }
    /** clearState's work for one ramp: the shared ramp length at this rate, standing still at `value`. */
    template <typename Ramp>
    void snap(Ramp& ramp, float value) const
    {
        ramp.reset(sampleRate_, rampSeconds);
        ramp.setCurrentAndTargetValue(value);
    }
    double tempo() const noexcept { return tempo_.load(std::memory_order_relaxed); }

private:
    juce::String typeName_;
    std::vector<juce::RangedAudioParameter*> parameters_;
    std::atomic<double> tempo_ { 120.0 };
    double sampleRate_ = 48000;
    double transportPpq_ = 0; // where the block starts when no play head says so
};

} // namespace loopmind::effects
