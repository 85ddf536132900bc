// The render plan and its runner: latency compensation lines paths up to the sample, the offline outputs start
// on the song's first sample, workers that sleep between blocks wake and give the serial samples, and the
// adaptive scheduler runs the faster mode while still re-measuring the other.
#include "Core/RealtimeThread.h"
#include "Engine/EngineProcessor.h"
#include "Engine/ParallelPlanRunner.h"
#include "Render/LatencyAlignedOutputs.h"
#include "Support/RealtimeChecks.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace loopmind;
using NodeID = juce::AudioProcessorGraph::NodeID;

namespace {
constexpr double rate = 48000;
constexpr int block = 256;

/** A unit impulse at one timeline sample, on both channels. */
class ImpulseSource final : public EngineProcessor {
public:
    explicit ImpulseSource(std::int64_t at) : EngineProcessor(0, 2), at_(at) {}
    const juce::String getName() const override { return "impulse"; }
    void prepareToPlay(double, int) override { position_ = 0; }
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override
    {
        buffer.clear();
        const int n = buffer.getNumSamples();
        if (at_ >= position_ && at_ < position_ + n)
            for (int c = 0; c < 2; ++c)
                buffer.setSample(c, int(at_ - position_), 1.0f);
        position_ += n;
    }

private:
    std::int64_t at_, position_ = 0;
};

/** Delays its input by a fixed number of samples and reports that as its latency (a look-ahead plug-in would). */
class LatentNode final : public EngineProcessor {
public:
    explicit LatentNode(int latency) : EngineProcessor(2, 2), latency_(latency) {}
    const juce::String getName() const override { return "latent"; }
    void prepareToPlay(double, int) override
    {
        setLatencySamples(latency_);
        for (auto& line : lines_)
            line.allocate(latency_);
    }
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override
    {
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < buffer.getNumSamples(); ++i)
                buffer.setSample(c, i, latency_ > 0 ? lines_[c].delayByMaximum(buffer.getSample(c, i)) : buffer.getSample(c, i));
    }

private:
    int latency_;
    effects::DelayLine lines_[2];
};

/** Adds a sawtooth of its own and smooths with a one-pole: its output depends on all its history. */
class StatefulNode final : public EngineProcessor {
public:
    explicit StatefulNode(float step) : EngineProcessor(2, 2), step_(step) {}
    const juce::String getName() const override { return "stateful"; }
    void prepareToPlay(double, int) override { phase_ = state_[0] = state_[1] = 0; }
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override
    {
        for (int i = 0; i < buffer.getNumSamples(); ++i) {
            phase_ += step_;
            phase_ -= std::floor(phase_);
            for (int c = 0; c < 2; ++c) {
                state_[c] += 0.2f * (buffer.getSample(c, i) + phase_ - 0.5f - state_[c]);
                buffer.setSample(c, i, state_[c]);
            }
        }
    }

private:
    float step_, phase_ = 0, state_[2] {};
};

NodeID add(juce::AudioProcessorGraph& graph, std::unique_ptr<juce::AudioProcessor> p)
{
    return graph.addNode(std::move(p))->nodeID;
}

void connect(juce::AudioProcessorGraph& graph, NodeID from, NodeID to)
{
    for (int c = 0; c < 2; ++c)
        REQUIRE(graph.addConnection({ { from, c }, { to, c } }));
}

void connectAll(juce::AudioProcessorGraph& graph, std::initializer_list<std::pair<NodeID, NodeID>> edges)
{
    for (const auto& [from, to] : edges)
        connect(graph, from, to);
}

std::unique_ptr<RenderPlan> compiled(juce::AudioProcessorGraph& graph)
{
    prepareGraphNodes(graph, rate, block);
    auto plan = compileRenderPlan(graph, block);
    REQUIRE(plan.ok());
    return std::move(plan.value());
}

/** Where the output of `step` is non-zero over `blocks` blocks of the plan, and the largest value there. */
std::vector<std::int64_t> nonZeroSamples(RenderPlan& plan, int step, int blocks, float* largest = nullptr)
{
    std::vector<std::int64_t> at;
    for (int b = 0; b < blocks; ++b) {
        plan.process(block);
        for (int i = 0; i < block; ++i)
            if (const float v = plan.outputOf(step).getSample(0, i); v != 0.0f) {
                at.push_back(std::int64_t(b) * block + i);
                if (largest)
                    *largest = std::max(*largest, v);
            }
    }
    return at;
}
} // namespace

TEST_CASE("paths of different latency are lined up to the sample where they meet", "[engine][latency]")
{
    // impulse at 1000 -> latent 37 -> latent 100 --+
    //                 -> latent 50 ----------------+--> sum     and straight into the sum as well
    juce::AudioProcessorGraph graph;
    const auto source = add(graph, std::make_unique<ImpulseSource>(1000));
    const auto a1 = add(graph, std::make_unique<LatentNode>(37));
    const auto a2 = add(graph, std::make_unique<LatentNode>(100));
    const auto b = add(graph, std::make_unique<LatentNode>(50));
    const auto sum = add(graph, std::make_unique<LatentNode>(0));
    connectAll(graph, { { source, a1 }, { a1, a2 }, { source, b }, { a2, sum }, { b, sum }, { source, sum } });
    auto plan = compiled(graph);
    const int sumStep = plan->stepIndexOf(sum);
    CHECK(plan->latencyOf(plan->stepIndexOf(source)) == 0);
    CHECK(plan->latencyOf(plan->stepIndexOf(a2)) == 137);
    CHECK(plan->latencyOf(plan->stepIndexOf(b)) == 50);
    CHECK(plan->latencyOf(sumStep) == 137);

    float largest = 0;
    const auto at = nonZeroSamples(*plan, sumStep, 12, &largest);
    REQUIRE(at.size() == 1);    // all three copies on one sample ...
    CHECK(at[0] == 1000 + 137); // ... the slowest path's
    CHECK(largest == 3.0f);
}

TEST_CASE("an offline render's outputs start on the song's first sample whatever their latency", "[engine][latency]")
{
    // Two stems with 0 and 300 samples of latency; the master adds 20 of its own.
    juce::AudioProcessorGraph graph;
    const auto source = add(graph, std::make_unique<ImpulseSource>(700));
    const auto quick = add(graph, std::make_unique<LatentNode>(0));
    const auto slow = add(graph, std::make_unique<LatentNode>(300));
    const auto master = add(graph, std::make_unique<LatentNode>(20));
    connectAll(graph, { { source, quick }, { source, slow }, { quick, master }, { slow, master } });
    auto plan = compiled(graph);
    const std::vector<int> stems { plan->stepIndexOf(quick), plan->stepIndexOf(slow) };
    LatencyAlignedOutputs aligned(*plan, plan->stepIndexOf(master), stems);
    REQUIRE(aligned.latency() == 320);

    const std::int64_t song = 4000;
    std::vector<float> mix, stem0, stem1;
    for (std::int64_t position = 0; position < song + aligned.latency(); position += block) {
        const int n = int(std::min<std::int64_t>(block, song + aligned.latency() - position));
        plan->process(n);
        aligned.take(position, n);
        for (int i = 0; i < aligned.count(); ++i) {
            mix.push_back(aligned.mix().getSample(0, i));
            stem0.push_back(aligned.stem(0).getSample(0, i));
            stem1.push_back(aligned.stem(1).getSample(0, i));
        }
    }
    REQUIRE(mix.size() == size_t(song));
    auto onlyAt = [](const std::vector<float>& v, size_t index, float value) {
        for (size_t i = 0; i < v.size(); ++i)
            if (v[i] != (i == index ? value : 0.0f))
                return false;
        return true;
    };
    CHECK(onlyAt(mix, 700, 2.0f));
    CHECK(onlyAt(stem0, 700, 1.0f));
    CHECK(onlyAt(stem1, 700, 1.0f));
}

TEST_CASE("workers that sleep between blocks wake for the next and give the serial samples", "[engine]")
{
    // A layered graph: 3 layers of 8 stateful nodes, each fed by two of the layer above, some latent, into one sum.
    auto build = [](juce::AudioProcessorGraph& graph) {
        std::vector<NodeID> layer;
        for (int i = 0; i < 8; ++i)
            layer.push_back(add(graph, std::make_unique<StatefulNode>(0.001f * float(i + 1))));
        for (int l = 1; l < 3; ++l) {
            std::vector<NodeID> next;
            for (int i = 0; i < 8; ++i) {
                const auto node = (i % 3 == 0) ? add(graph, std::make_unique<LatentNode>(17 * (i + l)))
                                                : add(graph, std::make_unique<StatefulNode>(0.0013f * float(i + l)));
                connect(graph, layer[size_t(i)], node);
                connect(graph, layer[size_t((i + 3) % 8)], node);
                next.push_back(node);
            }
            layer = next;
        }
        const auto sum = add(graph, std::make_unique<LatentNode>(0));
        for (const auto n : layer)
            connect(graph, n, sum);
        return sum;
    };
    std::vector<float> outputs[2];
    test::RealtimeViolations violations;
    for (int run = 0; run < 2; ++run) {
        juce::AudioProcessorGraph graph;
        const auto sum = build(graph);
        auto plan = compiled(graph);
        ParallelPlanRunner runner(run, ParallelPlanRunner::Scheduling::parallel);
        test::resetRealtimeViolations();
        for (int b = 0; b < 400; ++b) {
            {
                RealtimeScope realtime; // the caller acts as the audio thread
                runner.process(*plan, block);
            }
            const auto& out = plan->outputOf(plan->stepIndexOf(sum));
            outputs[run].insert(outputs[run].end(), out.getReadPointer(1), out.getReadPointer(1) + block);
            if (b % 7 == 0) // longer than a worker spins: it goes to sleep and must be woken
                std::this_thread::sleep_for(std::chrono::microseconds(int(ParallelPlanRunner::spinMicros) * 4));
        }
        if (run == 1)
            violations = test::realtimeViolations();
    }
    CHECK(outputs[0].size() == size_t(400 * block));
    CHECK(outputs[0] == outputs[1]);
    if (test::realtimeChecksAvailable()) {
        CHECK(violations.allocations == 0);
        CHECK(violations.locks == 0);
    }
}

TEST_CASE("the scheduler runs the faster mode and keeps re-measuring the slower one", "[engine]")
{
    SchedulingChooser chooser;
    int parallelBlocks = 0, serialBlocks = 0;
    auto run = [&](int blocks, double serialMicros, double parallelMicros) {
        parallelBlocks = serialBlocks = 0;
        for (int b = 0; b < blocks; ++b) {
            const bool parallel = chooser.nextIsParallel();
            (parallel ? parallelBlocks : serialBlocks)++;
            chooser.record(parallel, parallel ? parallelMicros : serialMicros);
        }
    };
    run(SchedulingChooser::warmUpBlocks, 100, 160);
    CHECK(parallelBlocks == serialBlocks); // the warm-up measures both
    run(320, 100, 160);                    // a light graph: serial is faster
    CHECK(serialBlocks >= 300);
    CHECK(parallelBlocks >= 320 / SchedulingChooser::probeInterval); // still probed
    run(320, 100, 55);                     // the load grew: parallel wins within a few probes
    CHECK(parallelBlocks >= 250);
}
