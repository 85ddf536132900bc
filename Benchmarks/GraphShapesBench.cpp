// The engine issue's synthetic graph shapes, each through JUCE's serial graph and our plan: 32 heavy nodes in
// parallel lanes, 64 trivial nodes, and a 16-node chain. A load node adds its input to a sawtooth of its own and
// runs a cascade of one-pole filters over it: `stages` sets its cost, and the result is deterministic. With no
// stages it only adds an offset: the trivial node, where the scheduler's own cost shows.
#include "GraphTiming.h"
#include "Engine/EngineProcessor.h"
#include <algorithm>
#include <cmath>

namespace loopmind::bench {

namespace {
class LoadNode final : public EngineProcessor {
public:
    LoadNode(int stages, float frequency) : EngineProcessor(2, 2), stages_(stages), step_(frequency / float(graphRate)) {}
    const juce::String getName() const override { return "load"; }
    void prepareToPlay(double, int) override
    {
        std::fill(&state_[0][0], &state_[0][0] + 2 * maxStages, 0.0f);
        phase_ = 0;
    }
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override
    {
        if (stages_ == 0) { // trivial: an offset, vectorised
            for (int c = 0; c < 2; ++c)
                juce::FloatVectorOperations::add(buffer.getWritePointer(c), step_, buffer.getNumSamples());
            return;
        }
        for (int c = 0; c < 2; ++c) {
            auto* x = buffer.getWritePointer(c);
            float phase = phase_;
            for (int i = 0; i < buffer.getNumSamples(); ++i) {
                float v = x[i] + 0.2f * phase - 0.1f; // a sawtooth: cheap enough for the trivial case
                phase += step_;
                phase -= std::floor(phase);
                for (int s = 0; s < stages_; ++s)
                    v = state_[c][s] += 0.3f * (v - state_[c][s]);
                x[i] = v;
            }
            if (c == 1)
                phase_ = phase;
        }
    }

private:
    static constexpr int maxStages = 64;
    int stages_;
    float step_, phase_ = 0;
    float state_[2][maxStages] {};
};

/** `lanes` load nodes of `stages` each, side by side, summed by one node. */
BenchGraphFactory lanes(int count, int stages)
{
    return [=] {
        auto g = std::make_unique<BenchGraph>();
        g->sink = g->graph.addNode(std::make_unique<LoadNode>(0, 0.0f))->nodeID;
        for (int i = 0; i < count; ++i) {
            const auto lane = g->graph.addNode(std::make_unique<LoadNode>(stages, 100.0f + 10.0f * float(i)))->nodeID;
            for (int c = 0; c < 2; ++c)
                g->graph.addConnection({ { lane, c }, { g->sink, c } });
        }
        return g;
    };
}

/** `length` load nodes of `stages` each, one after another. */
BenchGraphFactory chain(int length, int stages)
{
    return [=] {
        auto g = std::make_unique<BenchGraph>();
        juce::AudioProcessorGraph::NodeID previous;
        for (int i = 0; i < length; ++i) {
            const auto node = g->graph.addNode(std::make_unique<LoadNode>(stages, 100.0f + 10.0f * float(i)))->nodeID;
            if (i > 0)
                for (int c = 0; c < 2; ++c)
                    g->graph.addConnection({ { previous, c }, { node, c } });
            previous = node;
        }
        g->sink = previous;
        return g;
    };
}

} // namespace

GraphShapeFigures runGraphShapes(int workers)
{
    constexpr int blocks = 2000;
    const auto heavy = compareGraph("32 heavy nodes in parallel lanes", lanes(32, 48), workers, blocks);
    const auto trivial = compareGraph("64 trivial nodes", lanes(63, 0), workers, blocks);
    const auto chained = compareGraph("16-node chain", chain(16, 16), workers, blocks);
    GraphShapeFigures f;
    f.speedupHeavy = heavy.apg / heavy.parallel;
    f.overheadTrivial = trivial.parallel / trivial.apg - 1;
    f.chainRatio = chained.parallel / chained.apg;
    f.bitIdentical = heavy.identical && trivial.identical && chained.identical;
    return f;
}

} // namespace loopmind::bench
