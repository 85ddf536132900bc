// loopmind_bench engine: the live engine's cost per block for 32 tracks at 48 kHz / 256 samples, serial
// (the baseline, measured in the same run) against the parallel worker pool. Prints figures, asserts nothing.
#include "BenchSupport.h"
#include "Core/DeterministicRandom.h"
#include "Engine/AudioEngine.h"
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

/** Microseconds per block, median of the run. */
double measure(int workers, int tracks, int blocks)
{
    constexpr double rate = 48000;
    constexpr int block = 256;
    AudioEngine engine(workers);
    engine.prepare(rate, block);
    engine.load(benchTracks(tracks, rate, blocks * block / rate + 1), std::int64_t(rate * (blocks * block / rate + 1)));
    engine.play();
    juce::AudioBuffer<float> out(2, block);
    std::vector<double> times;
    times.reserve(size_t(blocks));
    for (int b = 0; b < blocks; ++b) {
        const auto t0 = std::chrono::steady_clock::now();
        engine.processBlock(out.getArrayOfWritePointers(), 2, block);
        times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
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
    nlohmann::json j { { "tracks", tracks }, { "blockSize", 256 }, { "serialMicros", serial }, { "parallelMicros", parallel },
                       { "workers", workers }, { "speedup", serial / parallel }, { "budgetMicros", budget } };
    std::cout << j.dump() << std::endl;
    return 0;
}
