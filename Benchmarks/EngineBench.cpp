// loopmind_bench engine: the live engine's cost per block for 32 tracks at 48 kHz / 256 samples, serial
// (the baseline, measured in the same run) against the parallel worker pool; then the mixer case through JUCE's
// own AudioProcessorGraph::processBlock against our plan, serial and parallel. Prints figures, asserts nothing.
#include "BenchSupport.h"
#include "Core/DeterministicRandom.h"
#include "Engine/AudioEngine.h"
#include "Engine/RenderPlan.h"
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

using namespace loopmind;

namespace {
std::vector<PlaybackTrack> benchTracks(int count, double rate, double seconds)
{
    std::vector<PlaybackTrack> tracks;
    const int n = int(rate * 1.5);
    for (int t = 0; t < count; ++t) {
        auto audio = std::make_shared<juce::AudioBuffer<float>>(2, n);
        DeterministicRandom random(std::uint64_t(t + 1));
        for (int i = 0; i < n; ++i) {
            const float v = float(0.1 * std::sin(0.01 * (t + 1) * i) + 0.05 * (random.nextUnit() - 0.5));
            audio->setSample(0, i, v);
            audio->setSample(1, i, v);
        }
        PlaybackTrack track { "t" + std::to_string(t), "chords", audio, {}, -12.0, {} };
        for (std::int64_t s = 0; s < std::int64_t(rate * seconds); s += n)
            track.segments.push_back({ s, s + n });
        tracks.push_back(std::move(track));
    }
    return tracks;
}

constexpr double benchRate = 48000;
constexpr int benchBlock = 256;

struct Timing {
    double micros = 0;          // median per block
    std::vector<float> samples; // the mix's left channel, every block, to compare runs
};

/** Times `blocks` calls of processOne(block), which returns the block's left output channel. */
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
        t.samples.insert(t.samples.end(), left, left + benchBlock);
    }
    std::sort(times.begin(), times.end());
    t.micros = times[times.size() / 2];
    return t;
}

/** The live engine, serial (0 workers) or parallel, on plain tracks. */
double measure(int workers, int tracks, int blocks)
{
    AudioEngine engine(workers);
    engine.prepare(benchRate, benchBlock);
    const double seconds = blocks * benchBlock / benchRate + 1;
    engine.load(benchTracks(tracks, benchRate, seconds), std::int64_t(benchRate * seconds));
    engine.play();
    juce::AudioBuffer<float> out(2, benchBlock);
    return timeBlocks(blocks, [&](int) {
               engine.processBlock(out.getArrayOfWritePointers(), 2, benchBlock);
               return out.getReadPointer(0);
           }).micros;
}

/** The real case: every track with an EQ and a compressor and a post-fader send to a reverb return. */
struct MixerGraph {
    juce::AudioProcessorGraph graph;
    TrackGraphNodes nodes;

    MixerGraph(int tracks, int blocks)
    {
        MixerLayout layout;
        layout.mixer.returns = { { "reverb", {}, {} } };
        layout.mixer.returns[0].strip.inserts = { { "reverb", { { "mix", 100 } }, false, {}, {} } };
        auto t = benchTracks(tracks, benchRate, blocks * benchBlock / benchRate + 1);
        for (auto& track : t) {
            track.strip.inserts = { { "eq", { { "hp_on", 1 }, { "mid1_gain", 3 } }, false, {}, {} }, { "compressor", {}, false, {}, {} } };
            track.strip.sends = { { 0, -12.0, false } };
        }
        nodes = buildTrackGraph(graph, t, layout, benchRate);
    }
};

/** The mixer case through our plan: workers 0 is serial on the calling thread. */
Timing measurePlan(int workers, int tracks, int blocks)
{
    MixerGraph m(tracks, blocks);
    auto plan = compileRenderPlan(m.graph, benchBlock);
    prepareGraphNodes(m.graph, benchRate, benchBlock);
    const int master = plan.value()->stepIndexOf(m.nodes.master);
    ParallelPlanRunner runner(workers);
    return timeBlocks(blocks, [&](int b) {
        m.nodes.playHead->setPosition(std::int64_t(b) * benchBlock);
        runner.process(*plan.value(), benchBlock);
        return plan.value()->outputOf(master).getReadPointer(0);
    });
}

/** The same graph through juce::AudioProcessorGraph::processBlock (JUCE's own serial renderer). */
Timing measureJuceGraph(int tracks, int blocks)
{
    MixerGraph m(tracks, blocks);
    using IO = juce::AudioProcessorGraph::AudioGraphIOProcessor;
    const auto out = m.graph.addNode(std::make_unique<IO>(IO::audioOutputNode))->nodeID;
    for (int c = 0; c < 2; ++c)
        m.graph.addConnection({ { m.nodes.master, c }, { out, c } });
    m.graph.setPlayConfigDetails(0, 2, benchRate, benchBlock);
    m.graph.prepareToPlay(benchRate, benchBlock);
    juce::AudioBuffer<float> buffer(2, benchBlock);
    juce::MidiBuffer midi;
    auto timing = timeBlocks(blocks, [&](int b) {
        m.nodes.playHead->setPosition(std::int64_t(b) * benchBlock);
        buffer.clear();
        m.graph.processBlock(buffer, midi);
        return buffer.getReadPointer(0);
    });
    m.graph.releaseResources();
    return timing;
}
} // namespace

int runEngineBench(int, char**)
{
    constexpr int tracks = 32, blocks = 4000;
    const double budget = 256.0 / 48000.0 * 1e6;
    const int workers = std::max(1, ParallelPlanRunner::defaultWorkerCount());
    const double serial = measure(0, tracks, blocks);
    const double parallel = measure(workers, tracks, blocks);
    std::printf("engine %d tracks, 256-sample blocks at 48 kHz (budget %.0f us per block)\n", tracks, budget);
    std::printf("  serial (baseline):     %.1f us median per block (%.1f%% of budget)\n", serial, 100 * serial / budget);
    std::printf("  parallel, %d worker(s): %.1f us median per block (%.1f%% of budget), speed-up %.2fx\n", workers, parallel,
                100 * parallel / budget, serial / parallel);

    // The real case (32 tracks, EQ + compressor + a send to a reverb return each): JUCE's serial graph against our plan.
    constexpr int mixerBlocks = 2000;
    const auto apg = measureJuceGraph(tracks, mixerBlocks);
    const auto planSerial = measurePlan(0, tracks, mixerBlocks);
    const auto planParallel = measurePlan(workers, tracks, mixerBlocks);
    const bool identical = planSerial.samples == planParallel.samples;
    std::printf("mixer %d tracks (EQ + compressor + reverb send each), 256-sample blocks at 48 kHz\n", tracks);
    std::printf("  juce::AudioProcessorGraph (baseline): %.1f us median per block\n", apg.micros);
    std::printf("  plan, serial:                         %.1f us (%.2fx the baseline's speed)\n", planSerial.micros, apg.micros / planSerial.micros);
    std::printf("  plan, %d worker(s):                   %.1f us (%.2fx)  serial == parallel: %s, == JUCE graph: %s\n", workers,
                planParallel.micros, apg.micros / planParallel.micros, identical ? "yes" : "NO", apg.samples == planSerial.samples ? "yes" : "no");
    nlohmann::json j { { "tracks", tracks }, { "blockSize", 256 }, { "serialMicros", serial }, { "parallelMicros", parallel },
                       { "workers", workers }, { "speedup", serial / parallel }, { "budgetMicros", budget },
                       { "apg_mixer_micros", apg.micros }, { "plan_serial_mixer_micros", planSerial.micros },
                       { "plan_parallel_mixer_micros", planParallel.micros }, { "speedup_mixer", apg.micros / planParallel.micros },
                       { "bit_identical", identical } };
    std::cout << j.dump() << std::endl;
    return 0;
}
