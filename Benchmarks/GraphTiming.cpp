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

GraphComparison compareGraph(const char* name, const BenchGraphFactory& make, int workers, int blocks)
{
    using Scheduling = ParallelPlanRunner::Scheduling;
    const auto apg = timeJuceGraph(make, blocks);
    const auto serial = timePlan(make, 0, Scheduling::adaptive, blocks);
    const auto parallel = timePlan(make, workers, Scheduling::adaptive, blocks);
    const GraphComparison f { apg.micros, serial.micros, parallel.micros, serial.samples == parallel.samples,
                              largestDifference(apg, serial) };
    std::printf("%-34s APG %7.1f us | plan serial %7.1f us (%.2fx) | plan, %d worker(s) %7.1f us (%.2fx) | serial == parallel: %s, "
                "largest difference from APG %.1e\n",
                name, f.apg, f.serial, f.apg / f.serial, workers, f.parallel, f.apg / f.parallel, f.identical ? "yes" : "NO",
                double(f.apgDifference));
    return f;
}

} // namespace loopmind::bench
