#include "Engine/RenderPlan.h"
#include <algorithm>

namespace loopmind {

int RenderPlan::stepIndexOf(juce::AudioProcessorGraph::NodeID node) const
{
    for (size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].node == node)
            return int(i);
    return -1;
}

void RenderPlan::processStep(int stepIndex, int numSamples)
{
    auto& step = steps_[size_t(stepIndex)];
    auto& buffer = buffers_[size_t(stepIndex)];
    // Within the capacity allocated at compile time, setSize never allocates.
    buffer.setSize(step.channels, numSamples, false, false, true);
    if (skipped_[size_t(stepIndex)].load(std::memory_order_acquire)) {
        buffer.clear();
        return;
    }
    gatherFeeds(step, buffer, numSamples);
    auto& midi = midi_[size_t(stepIndex)];
    midi.clear();
    step.processor->processBlock(buffer, midi);
}

namespace {
void delayFeed(effects::DelayLine& line, const float* in, float* out, int numSamples, bool add)
{
    for (int i = 0; i < numSamples; ++i) {
        const float delayed = line.delayByMaximum(in[i]);
        out[i] = add ? out[i] + delayed : delayed;
    }
}
} // namespace

void RenderPlan::gatherFeeds(const Step& step, juce::AudioBuffer<float>& buffer, int numSamples)
{
    // Feeds are sorted by destination channel: a channel's first feed is copied, the rest added in a fixed order.
    int filled = 0; // channels below this hold their first feed
    for (const auto& f : step.feeds) {
        const bool add = f.destinationChannel < filled;
        for (; filled < f.destinationChannel; ++filled)
            buffer.clear(filled, 0, numSamples);
        filled = std::max(filled, f.destinationChannel + 1);
        const auto& source = buffers_[size_t(f.sourceStep)];
        if (f.delayLine >= 0)
            delayFeed(feedDelays_[size_t(f.delayLine)], source.getReadPointer(f.sourceChannel), buffer.getWritePointer(f.destinationChannel),
                      numSamples, add);
        else if (add)
            buffer.addFrom(f.destinationChannel, 0, source, f.sourceChannel, 0, numSamples);
        else
            buffer.copyFrom(f.destinationChannel, 0, source, f.sourceChannel, 0, numSamples);
    }
    for (; filled < step.channels; ++filled)
        buffer.clear(filled, 0, numSamples);
}

void RenderPlan::process(int numSamples)
{
    jassert(numSamples <= maxBlockSize_);
    for (int i = 0; i < int(steps_.size()); ++i)
        processStep(i, numSamples);
}

void prepareGraphNodes(juce::AudioProcessorGraph& graph, double sampleRate, int maxBlockSize)
{
    for (auto* node : graph.getNodes()) {
        auto* p = node->getProcessor();
        p->setRateAndBufferSizeDetails(sampleRate, maxBlockSize);
        p->prepareToPlay(sampleRate, maxBlockSize);
    }
}

} // namespace loopmind
