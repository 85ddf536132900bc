#pragma once
// Plays one prepared (stereo, project-rate) loop at scheduled timeline positions. Real-time safe:
// processBlock only reads preallocated data and atomics.
#include "Engine/EngineProcessor.h"
#include <atomic>
#include <memory>
#include <vector>

namespace loopmind {

struct PlaybackSegment {
    std::int64_t start = 0; // timeline sample where the loop starts from its first sample
    std::int64_t end = 0;   // timeline sample where this pass stops (next pass or clip end)
    float gain = 1.0f;      // linear, on top of the track's gain: the section's gain (energy realised as level)
};

class ClipPlayerProcessor final : public EngineProcessor {
public:
    ClipPlayerProcessor(std::shared_ptr<const juce::AudioBuffer<float>> stereoLoop, std::vector<PlaybackSegment> segments);

    const juce::String getName() const override { return "Clip player"; }
    void prepareToPlay(double sampleRate, int maximumBlockSize) override;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override;

    /** Jump the playhead; safe from any thread, takes effect at the next block. */
    void seek(std::int64_t timelineSample) { pendingSeek_.store(timelineSample, std::memory_order_release); }

private:
    void renderSegment(size_t index, std::int64_t blockStart, int numSamples, juce::AudioBuffer<float>& out) const;

    std::shared_ptr<const juce::AudioBuffer<float>> loop_;
    std::vector<PlaybackSegment> segments_; // sorted by start, not overlapping
    std::vector<float> rampFrom_;           // per segment: the gain it glides from (the previous pass's, when joined)
    std::atomic<std::int64_t> pendingSeek_ { 0 };
    std::int64_t position_ = 0;
    size_t cursor_ = 0; // first segment that may still sound
    int fadeSamples_ = 64;
};

} // namespace loopmind
