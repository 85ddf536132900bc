#pragma once
// Plays one prepared (stereo, project-rate) loop at scheduled timeline positions. Real-time safe:
// processBlock only reads preallocated data and atomics.
//
// Every pass starts on the project grid, and no pass boundary steps the waveform:
// - a pass followed directly by the next plays the whole loop into the loop's own seam (prepared seamless, see
//   Library/SeamlessLoop); when the grid's rounding makes the pass a few samples longer or shorter than the loop,
//   the last moments of the pass read the loop a hair faster or slower so it still ends on the loop's last sample;
// - a pass cut short, or a clip's last exit where the audio does not end at zero, fades out over 5 ms;
// - a clip's first entry where the audio does not start at zero fades in over 2 ms (a downbeat keeps its attack).
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
    /** How one pass begins and ends, worked out on the message thread when the sample rate is known. */
    struct PassShape {
        float rampFrom = 1.0f;        // the gain it glides from (the previous pass's, when joined)
        bool fadeIn = false;          // an entry onto a loop start that is not at zero
        std::int64_t fadeOutEnd = -1; // timeline sample where a fade-out reaches silence, or -1
        int warp = 0;                 // loop samples skipped (+) or repeated (-) before the next pass begins
        int warpLength = 0;           // over how many samples at the pass's end
    };

    void shapePasses(double sampleRate);
    void renderSegment(size_t index, std::int64_t blockStart, int numSamples, juce::AudioBuffer<float>& out) const;
    float loopSampleAt(const float* src, double position) const;

    std::shared_ptr<const juce::AudioBuffer<float>> loop_;
    std::vector<PlaybackSegment> segments_; // sorted by start, not overlapping
    std::vector<PassShape> shapes_;         // per segment
    std::atomic<std::int64_t> pendingSeek_ { 0 };
    std::int64_t position_ = 0;
    size_t cursor_ = 0; // first segment that may still sound
    int fadeSamples_ = 240;
    int entryFadeSamples_ = 96;
};

} // namespace loopmind
