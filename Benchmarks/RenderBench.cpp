// loopmind_bench render [--seconds S]: times rendering 8 tracks x S s (default 180) at 44.1 kHz (mix + stems, mastered) and
// mixing 8 such stems, against a baseline measured in the same run (the bare cost of summing the same audio in memory);
// peak memory against the one premaster that mastering must hold (everything else streams).
// Prints figures; asserts nothing. The last line is JSON.
#include "BenchSupport.h"
#include "Arrangement/Arrangement.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include <chrono>
#include <cmath>
#include <cstring>
#include <iostream>
#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

namespace fs = std::filesystem;
using namespace loopmind;

namespace {
constexpr double rate = 44100, bpm = 120;
constexpr int tracks = 8;

double now() { return bench::wallSeconds(); }
double peakMemoryMiB() { return bench::peakRssMiB(); }

void writeLoop(const fs::path& path, int index)
{
    const int n = int(rate * 4.0); // two bars at 120 BPM
    juce::AudioBuffer<float> b(2, n);
    for (int i = 0; i < n; ++i) {
        const double t = i / rate;
        const float v = float(0.2 * std::sin(2 * M_PI * 110.0 * (index + 1) * t) * std::exp(-6.0 * std::fmod(t, 0.5)));
        b.setSample(0, i, v);
        b.setSample(1, i, v * 0.9f);
    }
    juce::WavAudioFormat wav;
    std::unique_ptr<juce::AudioFormatWriter> w(wav.createWriterFor(new juce::FileOutputStream(juce::File(path.string())), rate, 2, 24, {}, 0));
    w->writeFromAudioSampleBuffer(b, 0, n);
}

double baselineSumSeconds(const RenderJob& job)
{
    // The floor any renderer pays: reading every track's samples once and summing them.
    const double start = now();
    std::vector<float> sum(8192 * 2);
    double guard = 0;
    for (std::int64_t pos = 0; pos < job.lengthInSamples; pos += 4096) {
        std::fill(sum.begin(), sum.end(), 0.0f);
        for (const auto& t : job.tracks) {
            const auto& a = *t.audio;
            for (int c = 0; c < 2; ++c) {
                const float* src = a.getReadPointer(c);
                for (int i = 0; i < 4096; ++i)
                    sum[size_t(c * 4096 + i)] += src[(pos + i) % a.getNumSamples()];
            }
        }
        guard += sum[0];
    }
    return now() - start + guard * 0.0;
}
} // namespace

int runRenderBench(int argc, char** argv)
{
    double seconds = 180;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--seconds") == 0)
            seconds = std::max(8.0, std::atof(argv[i + 1]));
    const auto dir = fs::temp_directory_path() / ("loopmind-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir / "stems");
    Arrangement a;
    a.bpm = bpm;
    a.sampleRate = rate;
    const int bars = int(seconds * bpm / 60.0 / 4.0);
    a.sections = { { "main", 0, bars, 1.0 } };
    for (int i = 0; i < tracks; ++i) {
        const auto loop = dir / ("loop" + std::to_string(i) + ".wav");
        writeLoop(loop, i);
        a.tracks.push_back({ "track " + std::to_string(i + 1), "chords", loop, bpm, 8, std::nullopt, -6.0, { { 0, bars } } });
    }
    OutputSettings out;
    out.mixPath = dir / "mix.wav";
    out.stemsFolder = dir / "stems";
    out.bitDepth = 24;
    auto prepared = prepareArrangementJob(a, out);
    const double baseline = baselineSumSeconds(prepared.job);

    JobControl control;
    double t0 = now();
    auto render = AIAsyncRenderer::render(prepared.job, control);
    const double renderSeconds = now() - t0;

    std::vector<fs::path> stems = render.stemPaths;
    OutputSettings mixOut;
    mixOut.mixPath = dir / "mixdown.wav";
    t0 = now();
    auto mixJob = prepareStemMixJob(stems, std::nullopt, mixOut);
    auto mix = AIAsyncRenderer::render(mixJob.job, control);
    const double mixSeconds = now() - t0;

    const double audioSeconds = double(prepared.job.lengthInSamples) / rate;
    std::printf("render  %d tracks x %.0f s: %.2f s (%.0fx real time), mix + %d stems written, ok=%d\n", tracks, audioSeconds,
                renderSeconds, audioSeconds / renderSeconds, tracks, int(render.ok));
    std::printf("mix     %d stems x %.0f s: %.2f s (%.0fx real time, decode + resample + write), ok=%d\n", tracks, audioSeconds,
                mixSeconds, audioSeconds / mixSeconds, int(mix.ok));
    std::printf("baseline in-memory sum of the same audio: %.3f s; render costs %.1fx the bare sum\n", baseline, renderSeconds / baseline);
    const double premasterMiB = double(prepared.job.lengthInSamples) * 2 * sizeof(float) / 1048576.0;
    std::printf("peak memory %.0f MiB; the premaster mastering holds %.0f MiB; peak - premaster %.0f MiB\n", peakMemoryMiB(),
                premasterMiB, peakMemoryMiB() - premasterMiB);
    nlohmann::json j { { "renderSeconds", renderSeconds }, { "renderRealtimeFactor", audioSeconds / renderSeconds },
                       { "mixSeconds", mixSeconds }, { "mixRealtimeFactor", audioSeconds / mixSeconds },
                       { "baselineSumSeconds", baseline }, { "peakMemoryMiB", peakMemoryMiB() },
                       { "premasterMiB", premasterMiB },
                       { "tracks", tracks }, { "audioSeconds", audioSeconds }, { "ok", render.ok && mix.ok } };
    fs::remove_all(dir);
    std::cout << j.dump() << std::endl;
    return render.ok && mix.ok ? 0 : 1;
}

