#include "GraphTiming.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace loopmind::bench {


Timing timePlan(const BenchGraphFactory& make, int workers, ParallelPlanRunner::Scheduling scheduling, int blocks)
{
    auto g = make();
    prepareGraphNodes(g->graph, graphRate, graphBlock);
    auto plan = compileRenderPlan(g->graph, graphBlock);
    const int sink = plan.value()->stepIndexOf(g->sink);
    ParallelPlanRunner runner(workers, scheduling);
    return timeBlocks(blocks, [&](int b) {
        g->beforeBlock(b);
        runner.process(*plan.value(), graphBlock);
        return plan.value()->outputOf(sink).getReadPointer(0);
    });
}

Timing timeJuceGraph(const BenchGraphFactory& make, int blocks)
{
    auto g = make();
    using IO = juce::AudioProcessorGraph::AudioGraphIOProcessor;
    g->graph.setPlayConfigDetails(0, 2, graphRate, graphBlock);
    const auto out = g->graph.addNode(std::make_unique<IO>(IO::audioOutputNode))->nodeID;
    for (int c = 0; c < 2; ++c)
        if (!g->graph.addConnection({ { g->sink, c }, { out, c } }))
            std::printf("JUCE's graph refused the connection to its output\n");
    g->graph.prepareToPlay(graphRate, graphBlock);
    juce::AudioBuffer<float> buffer(2, graphBlock);
    juce::MidiBuffer midi;
    auto timing = timeBlocks(blocks, [&](int b) {
        g->beforeBlock(b);
        buffer.clear();
        g->graph.processBlock(buffer, midi);
        return buffer.getReadPointer(0);
    });
    g->graph.releaseResources();
    return timing;
}

float largestDifference(const Timing& a, const Timing& b)
{
    if (a.samples.size() != b.samples.size())
        return std::numeric_limits<float>::infinity();
    float d = 0;
    for (size_t i = 0; i < a.samples.size(); ++i)
        d = std::max(d, std::abs(a.samples[i] - b.samples[i]));
    return d;
}

} // namespace loopmind::bench
