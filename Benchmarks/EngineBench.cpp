// loopmind_bench engine: the live engine's cost per block for 32 tracks at 48 kHz / 256 samples, serial
// (the baseline, measured in the same run) against the parallel worker pool; then the mixer case and the
// synthetic shapes (heavy lanes, trivial nodes, a chain) through JUCE's own AudioProcessorGraph::processBlock
// against our plan, serial and with the workers, and 32 tracks of hosted LV2 plug-ins. Prints figures, asserts nothing.
#include "BenchSupport.h"
#include "BenchSession.h"
#include "GraphTiming.h"
#include "Engine/AudioEngine.h"
#include "Plugins/PluginSlot.h"
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::bench;

namespace {
/** The live engine, serial (0 workers) or parallel, on plain tracks. */
double measureEngine(int workers, int tracks, int blocks)
{
    AudioEngine engine(workers);
    engine.prepare(graphRate, graphBlock);
    const double seconds = blocks * graphBlock / graphRate + 1;
    engine.load(benchTracks(tracks, graphRate, seconds), std::int64_t(graphRate * seconds));
    engine.play();
    juce::AudioBuffer<float> out(2, graphBlock);
    return timeBlocks(blocks, [&](int) {
               engine.processBlock(out.getArrayOfWritePointers(), 2, graphBlock);
               return out.getReadPointer(0);
           }).micros;
}

/** The real case through a graph of its own. */
BenchGraphFactory mixerGraph(int tracks, int blocks)
{
    return [=] {
        struct MixerGraph : BenchGraph {
            TrackGraphNodes nodes;
        };
        auto m = std::make_unique<MixerGraph>();
        const auto session = mixerSession(tracks, graphRate, blocks * graphBlock / graphRate + 1);
        m->nodes = buildTrackGraph(m->graph, session.tracks, session.layout, graphRate);
        m->sink = m->nodes.master;
        auto* playHead = m->nodes.playHead.get();
        m->beforeBlock = [playHead](int b) { playHead->setPosition(std::int64_t(b) * graphBlock); };
        return std::unique_ptr<BenchGraph>(std::move(m));
    };
}
/** The mixer case with every track as it is (live), frozen (Render/StemFreezer's result: one copy per block, the
    strip and send still live), or plain (a clip player, no inserts): what a freeze saves and what it costs. */
enum class TrackForm { live, frozen, plain };
BenchGraphFactory freezeGraph(int tracks, int blocks, TrackForm form)
{
    return [=] {
        struct FreezeGraph : BenchGraph {
            TrackGraphNodes nodes;
        };
        auto m = std::make_unique<FreezeGraph>();
        const double seconds = blocks * graphBlock / graphRate + 1;
        auto session = mixerSession(tracks, graphRate, seconds);
        for (auto& t : session.tracks) {
            if (form == TrackForm::plain)
                t.strip.inserts.clear();
            if (form != TrackForm::frozen)
                continue;
            // The frozen audio's content does not change the cost; its length does (a song's worth, read once).
            auto audio = std::make_shared<juce::AudioBuffer<float>>(2, int(seconds * graphRate));
            for (int c = 0; c < 2; ++c)
                for (int i = 0; i < audio->getNumSamples(); ++i)
                    audio->setSample(c, i, float(std::sin(0.01 * i + c)) * 0.1f);
            t.frozen = true;
            t.audio = std::move(audio);
        }
        m->nodes = buildTrackGraph(m->graph, session.tracks, session.layout, graphRate);
        m->sink = m->nodes.master;
        auto* playHead = m->nodes.playHead.get();
        m->beforeBlock = [playHead](int b) { playHead->setPosition(std::int64_t(b) * graphBlock); };
        return std::unique_ptr<BenchGraph>(std::move(m));
    };
}

/** 32 tracks, each with a hosted LV2 EQ and compressor (x42-eq and x42-comp, stereo); null if they are not installed. */
BenchGraphFactory pluginGraph(int tracks, int blocks)
{
    auto slot = [](const char* uri, const char* name, std::map<std::string, double> parameters) {
        EffectSlot s;
        s.type = EffectSlot::pluginType;
        s.parameters = std::move(parameters);
        s.plugin = PluginReference { "LV2", uri, name, "Robin Gareus", "", 0, "" };
        return s;
    };
    const std::vector<EffectSlot> inserts { slot("http://gareus.org/oss/lv2/fil4#stereo", "x42-eq", { { "sym:gain1", 0.8 } }),
                                            slot("http://gareus.org/oss/lv2/darc#stereo", "x42-comp", { { "sym:threshold", 0.3 } }) };
    for (const auto& s : inserts) {
        std::vector<std::string> problems;
        if (!plugins::makePluginProcessor(s, graphRate, graphBlock, problems))
            return {};
    }
    return [=] {
        struct PluginGraph : BenchGraph {
            TrackGraphNodes nodes;
        };
        auto m = std::make_unique<PluginGraph>();
        auto session = benchTracks(tracks, graphRate, blocks * graphBlock / graphRate + 1);
        for (auto& t : session)
            t.strip.inserts = inserts;
        m->nodes = buildTrackGraph(m->graph, session, {}, graphRate);
        m->sink = m->nodes.master;
        auto* playHead = m->nodes.playHead.get();
        m->beforeBlock = [playHead](int b) { playHead->setPosition(std::int64_t(b) * graphBlock); };
        return std::unique_ptr<BenchGraph>(std::move(m));
    };
}
} // namespace

int runEngineBench(int, char**)
{
    constexpr int tracks = 32, blocks = 4000;
    const double budget = graphBlock / graphRate * 1e6;
    const int workers = std::max(1, ParallelPlanRunner::defaultWorkerCount());
    const double serial = measureEngine(0, tracks, blocks);
    const double parallel = measureEngine(workers, tracks, blocks);
    std::printf("engine %d tracks, 256-sample blocks at 48 kHz (budget %.0f us per block)\n", tracks, budget);
    std::printf("  serial (baseline):     %.1f us median per block (%.1f%% of budget)\n", serial, 100 * serial / budget);
    std::printf("  parallel, %d worker(s): %.1f us median per block (%.1f%% of budget), speed-up %.2fx\n", workers, parallel,
                100 * parallel / budget, serial / parallel);

    // The real case (32 tracks, EQ + compressor + a send to a reverb return each): JUCE's serial graph against our plan.
    constexpr int mixerBlocks = 2000;
    std::printf("graphs through juce::AudioProcessorGraph::processBlock (APG, the baseline) and our plan, 256-sample blocks at 48 kHz\n");
    const auto mixer = compareGraph("mixer: 32 tracks, EQ+comp+reverb", mixerGraph(tracks, mixerBlocks), workers, mixerBlocks);
    const auto shapes = runGraphShapes(workers);
    // Hosted plug-ins on the plan's workers like built-in effects: parallel against serial.
    GraphComparison hosted;
    if (const auto plugins = pluginGraph(tracks, mixerBlocks))
        hosted = compareGraph("plug-ins: 32 tracks, LV2 x42-eq + x42-comp", plugins, workers, mixerBlocks);
    else
        std::printf("plug-ins: skipped (x42-plugins is not installed: ./setup.sh installs it)\n");

    // The track limit's neighbourhood: 128 tracks through the same mixer (the limit is 256), against the 32 above.
    const auto large = compareGraph("mixer: 128 tracks, EQ+comp+reverb", mixerGraph(128, mixerBlocks / 4), workers, mixerBlocks / 4);
    std::printf("128 tracks: plan %.1f us per block (%.1f%% of budget), %.2fx the 32-track plan\n", large.parallel,
                100 * large.parallel / budget, large.parallel / mixer.parallel);

    // Stem freeze: the same mixer with every track frozen, against the tracks as clip players without inserts.
    const auto schedule = ParallelPlanRunner::Scheduling::adaptive;
    const double live = timePlan(freezeGraph(tracks, mixerBlocks, TrackForm::live), 0, schedule, mixerBlocks).micros;
    const double frozen = timePlan(freezeGraph(tracks, mixerBlocks, TrackForm::frozen), 0, schedule, mixerBlocks).micros;
    const double plain = timePlan(freezeGraph(tracks, mixerBlocks, TrackForm::plain), 0, schedule, mixerBlocks).micros;
    std::printf("freeze: %d tracks through the mixer, plan serial: live (EQ+comp) %.1f us, frozen %.1f us, clip players "
                "without inserts (baseline) %.1f us; frozen/baseline %.2f\n", tracks, live, frozen, plain, frozen / plain);

    nlohmann::json j { { "tracks", tracks }, { "blockSize", graphBlock }, { "serialMicros", serial }, { "parallelMicros", parallel },
                       { "workers", workers }, { "speedup", serial / parallel }, { "budgetMicros", budget },
                       { "apg_mixer_micros", mixer.apg }, { "plan_serial_mixer_micros", mixer.serial },
                       { "plan_parallel_mixer_micros", mixer.parallel }, { "speedup_mixer", mixer.apg / mixer.parallel },
                       { "speedup_heavy", shapes.speedupHeavy }, { "overhead_trivial", shapes.overheadTrivial },
                       { "chain_ratio", shapes.chainRatio }, { "bit_identical", mixer.identical && shapes.bitIdentical },
                       { "plan_serial_plugins_micros", hosted.serial }, { "plan_parallel_plugins_micros", hosted.parallel },
                       { "apg_plugins_micros", hosted.apg },
                       { "speedup_plugins", hosted.parallel > 0 ? hosted.serial / hosted.parallel : 0.0 },
                       { "plugins_bit_identical", hosted.identical },
                       { "freeze_live_micros", live }, { "freeze_frozen_micros", frozen }, { "freeze_plain_micros", plain },
                       { "frozen_vs_players", frozen / plain }, { "plan_parallel_mixer128_micros", large.parallel },
                       { "mixer128_bit_identical", large.identical } };
    std::cout << j.dump() << std::endl;
    return 0;
}
