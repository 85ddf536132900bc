#pragma once
// Times one graph through JUCE's own serial AudioProcessorGraph::processBlock and through our plan (serial,
// or the worker pool), block by block, keeping the sink's left channel so that runs can be compared.
#include "Engine/ParallelPlanRunner.h"
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace loopmind::bench {

constexpr double graphRate = 48000;
constexpr int graphBlock = 256;

/** A graph to time and the node whose output is the result; beforeBlock(b) runs inside the timed call. */
struct BenchGraph {
    juce::AudioProcessorGraph graph;
    juce::AudioProcessorGraph::NodeID sink;
    std::function<void(int block)> beforeBlock = [](int) {};
};
using BenchGraphFactory = std::function<std::unique_ptr<BenchGraph>()>;

struct Timing {
    double micros = 0;          // median per block
    std::vector<float> samples; // the sink's left channel, every block
};

/** Calls processOne(block) `blocks` times, each returning the block's left output channel. */
template <typename ProcessOne>
Timing timeBlocks(int blocks, ProcessOne&& processOne)
{
    std::vector<double> times;
    times.reserve(size_t(blocks));
    Timing t;
    for (int b = 0; b < blocks; ++b) {
        const auto t0 = std::chrono::steady_clock::now();
        const float* left = processOne(b);
        times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
        t.samples.insert(t.samples.end(), left, left + graphBlock);
    }
    std::sort(times.begin(), times.end());
    t.micros = times[times.size() / 2];
    return t;
}

/** workers 0 runs the plan serially on this thread. */
Timing timePlan(const BenchGraphFactory& make, int workers, ParallelPlanRunner::Scheduling scheduling, int blocks);
Timing timeJuceGraph(const BenchGraphFactory& make, int blocks);

/** The largest sample difference between two timings' outputs (infinity if their lengths differ). */
float largestDifference(const Timing& a, const Timing& b);

/** One graph through JUCE's graph, our plan serially and our plan with `workers`; prints one line named `name`. */
struct GraphComparison {
    double apg = 0, serial = 0, parallel = 0; // median microseconds per block
    bool identical = false;                   // serial == parallel, sample for sample
    float apgDifference = 0;                  // largest difference of the serial plan from JUCE's graph
};
GraphComparison compareGraph(const char* name, const BenchGraphFactory& make, int workers, int blocks);

/** Heavy, trivial and chain graphs against JUCE's graph; fills the JSON fields named in the engine issue. */
struct GraphShapeFigures {
    double speedupHeavy = 0, overheadTrivial = 0, chainRatio = 0;
    bool bitIdentical = true;
};
GraphShapeFigures runGraphShapes(int workers);

} // namespace loopmind::bench
