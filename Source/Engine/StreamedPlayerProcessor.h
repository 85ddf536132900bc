#pragma once
// Plays a BlockStream from the song's start (a stem in a stem mix), for offline renders. The render thread calls
// prefetch() for each block before the plan runs; processBlock, on whichever thread runs the step, only copies
// that block with the track's gain. The live engine does not use it (no one would prefetch).
#include "Core/BlockStream.h"
#include "Engine/EngineProcessor.h"
#include <memory>

namespace loopmind {

class StreamedPlayerProcessor final : public EngineProcessor {
public:
    StreamedPlayerProcessor(std::shared_ptr<BlockStream> stream, float gain);
    const juce::String getName() const override { return "Streamed player"; }

    /** Render thread, before the plan runs: reads the frames the next processBlock plays. False on a read error. */
    bool prefetch(std::int64_t position, int numSamples);
    std::string problem() const { return stream_->problem(); }

    void prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) override;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override;

private:
    std::shared_ptr<BlockStream> stream_;
    float gain_;
    juce::AudioBuffer<float> block_;
    int prefetched_ = 0;
};

} // namespace loopmind
