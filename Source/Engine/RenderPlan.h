#pragma once
// An immutable schedule compiled from a juce::AudioProcessorGraph's topology: nodes in topological
// order, each with a preallocated buffer, the feeds that fill its inputs (summed in a fixed order, so
// any processing order gives identical samples), its dependants and its count of inputs.
// Latency compensation: a step's output lags the timeline by its path latency (the largest of its sources'
// plus its processor's own). A feed from a source that lags less than the step's slowest source is delayed by
// the difference, so every input lines up to the sample. process() runs it serially; it never allocates.
#include "Core/Result.h"
#include "Effects/DelayLine.h"
#include <juce_audio_processors/juce_audio_processors.h>
#include <memory>
#include <vector>

namespace loopmind {

class RenderPlan {
public:
    struct Feed { int destinationChannel; int sourceStep; int sourceChannel; int delayLine = -1; };
    struct Step {
        juce::AudioProcessorGraph::NodeID node;
        juce::AudioProcessor* processor = nullptr;
        int channels = 0;             // max(inputs, outputs): the node processes in place
        std::vector<Feed> feeds;      // sorted by destination channel, then source step and channel
        std::vector<int> dependants;  // steps that read this one's output
        int dependencyCount = 0;      // distinct steps this one reads from
    };

    const std::vector<Step>& steps() const { return steps_; }
    int maxBlockSize() const { return maxBlockSize_; }
    int stepIndexOf(juce::AudioProcessorGraph::NodeID node) const;

    /** Processes one block of numSamples (<= maxBlockSize) through every step, in order. */
    void process(int numSamples);
    /** Gathers a step's inputs into its buffer and runs its processor: the unit of work for any thread. */
    void processStep(int stepIndex, int numSamples);
    /** The output of a step after the last process(); numSamples valid samples per channel. */
    const juce::AudioBuffer<float>& outputOf(int stepIndex) const { return buffers_[size_t(stepIndex)]; }
    /** Any thread: a skipped step outputs silence without running its processor (a frozen track's player and
        inserts, which nothing hears any more). */
    void setSkipped(int stepIndex, bool skipped) { skipped_[size_t(stepIndex)].store(skipped, std::memory_order_release); }
    /** How many samples a step's output lags the timeline (0 unless a processor on its path reports latency). */
    int latencyOf(int stepIndex) const { return latencies_[size_t(stepIndex)]; }

private:
    void gatherFeeds(const Step& step, juce::AudioBuffer<float>& buffer, int numSamples);

    friend Result<std::unique_ptr<RenderPlan>> compileRenderPlan(const juce::AudioProcessorGraph&, int);
    std::vector<Step> steps_;
    std::vector<juce::AudioBuffer<float>> buffers_;
    std::vector<juce::MidiBuffer> midi_;
    std::vector<effects::DelayLine> feedDelays_; // delays of whole maximumDelay(); each touched only by its feed's step
    std::vector<int> latencies_;
    std::unique_ptr<std::atomic<bool>[]> skipped_; // per step
    int maxBlockSize_ = 0;
};

/** Compiles on the message (or renderer) thread; fails on cycles. Call after prepareGraphNodes: it reads each
    processor's latency. */
Result<std::unique_ptr<RenderPlan>> compileRenderPlan(const juce::AudioProcessorGraph& graph, int maxBlockSize);

/** Calls prepareToPlay on every node's processor. */
void prepareGraphNodes(juce::AudioProcessorGraph& graph, double sampleRate, int maxBlockSize);

} // namespace loopmind
