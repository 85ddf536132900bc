#pragma once
// The song's tempo and the position of the block being processed, for tempo-synced effects (delay times, LFOs).
// The thread that runs the plan sets the position before each block; effects read it during the block.
#include <atomic>
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind {

class TransportPlayHead final : public juce::AudioPlayHead {
public:
    TransportPlayHead(double bpm, double sampleRate) : bpm_(bpm), sampleRate_(sampleRate) {}

    void setPosition(std::int64_t timelineSample) { position_.store(timelineSample, std::memory_order_relaxed); }
    std::int64_t position() const { return position_.load(std::memory_order_relaxed); }

    juce::Optional<PositionInfo> getPosition() const override
    {
        PositionInfo info;
        const auto sample = position_.load(std::memory_order_relaxed);
        info.setBpm(bpm_);
        info.setTimeInSamples(sample);
        info.setTimeInSeconds(double(sample) / sampleRate_);
        info.setPpqPosition(double(sample) * bpm_ / (60.0 * sampleRate_));
        info.setIsPlaying(true);
        return info;
    }

private:
    const double bpm_, sampleRate_;
    std::atomic<std::int64_t> position_ { 0 };
};

} // namespace loopmind
