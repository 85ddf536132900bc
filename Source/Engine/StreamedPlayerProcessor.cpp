#include "Engine/StreamedPlayerProcessor.h"

namespace loopmind {

StreamedPlayerProcessor::StreamedPlayerProcessor(std::shared_ptr<BlockStream> stream, float gain)
    : EngineProcessor(0, 2), stream_(std::move(stream)), gain_(gain)
{
}

void StreamedPlayerProcessor::prepareToPlay(double, int maximumExpectedSamplesPerBlock)
{
    block_.setSize(2, maximumExpectedSamplesPerBlock);
    block_.clear();
    prefetched_ = 0;
}

bool StreamedPlayerProcessor::prefetch(std::int64_t position, int numSamples)
{
    prefetched_ = numSamples;
    return stream_->read(position, block_, numSamples);
}

void StreamedPlayerProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    const int n = buffer.getNumSamples();
    jassert(n == prefetched_); // a block that was not prefetched plays silence
    if (n != prefetched_) {
        buffer.clear();
        return;
    }
    for (int c = 0; c < 2; ++c)
        buffer.copyFrom(c, 0, block_.getReadPointer(c), n, gain_);
}

} // namespace loopmind
