#include "Engine/RenderPlan.h"

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
    buffer.clear();
    for (const auto& f : step.feeds) // 0 + x is exactly x, so the first feed is a copy and the order is fixed
        buffer.addFrom(f.destinationChannel, 0, buffers_[size_t(f.sourceStep)], f.sourceChannel, 0, numSamples);
    auto& midi = midi_[size_t(stepIndex)];
    midi.clear();
    step.processor->processBlock(buffer, midi);
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
