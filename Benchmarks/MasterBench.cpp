// loopmind_bench master: masters a 180 s stereo premaster (44.1 kHz, written once as a WAV stem, untimed)
// to streaming and broadcast with `mix --deliver streaming,broadcast`, and compares it, in the same run,
// with the unmastered mix of the same file (decode + write) and with one plain libebur128 measurement pass
// (integrated + LRA + true peak) over the premaster. Wall and CPU seconds are printed; nothing is asserted.
// The last line is JSON.
#include "BenchSupport.h"
#include "Mastering/Ebur128Meter.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace loopmind;

namespace {
constexpr double rate = 44100, seconds = 180;

struct Clock {
    double wall, cpu;
    static Clock now()
    {
        return { bench::wallSeconds(), bench::cpuSeconds() };
    }
    Clock since() const
    {
        const auto n = now();
        return { n.wall - wall, n.cpu - cpu };
    }
};

/** A deterministic song-like premaster: kick + bass every beat, a slowly swelling pad, hats as shaped noise. */
juce::AudioBuffer<float> premaster()
{
    const int n = int(rate * seconds);
    juce::AudioBuffer<float> b(2, n);
    juce::Random noise(1234);
    for (int i = 0; i < n; ++i) {
        const double t = i / rate, beat = std::fmod(t, 0.5);
        const double kick = 0.6 * std::sin(2 * M_PI * (50.0 + 80.0 * std::exp(-30.0 * beat)) * beat) * std::exp(-9.0 * beat);
        const double pad = 0.12 * (0.6 + 0.4 * std::sin(2 * M_PI * t / 16.0)) * std::sin(2 * M_PI * 220.0 * t + std::sin(2 * M_PI * 0.5 * t));
        const double hat = 0.08 * (noise.nextFloat() * 2.0 - 1.0) * std::exp(-40.0 * std::fmod(t + 0.25, 0.5));
        b.setSample(0, i, float(kick + pad + hat));
        b.setSample(1, i, float(kick + 0.8 * pad - hat));
    }
    return b;
}

RenderReport mix(const fs::path& stem, const fs::path& out, bool master)
{
    OutputSettings o;
    o.mixPath = out;
    o.bitDepth = 24;
    o.mastering.enabled = master;
    o.mastering.targets = { *deliveryPreset("streaming"), *deliveryPreset("broadcast") };
    auto prepared = prepareStemMixJob({ stem }, std::nullopt, o);
    JobControl control;
    return AIAsyncRenderer::render(prepared.job, control);
}
} // namespace

int runMasterBench(int, char**)
{
    const auto dir = fs::temp_directory_path() / ("loopmind-master-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto audio = premaster();
    const auto stem = dir / "premaster.wav";
    {
        juce::WavAudioFormat wav;
        std::unique_ptr<juce::AudioFormatWriter> w(
            wav.createWriterFor(new juce::FileOutputStream(juce::File(stem.string())), rate, 2, 24, {}, 0));
        w->writeFromAudioSampleBuffer(audio, 0, audio.getNumSamples());
    }

    auto c = Clock::now();
    const auto measured = mastering::Ebur128Meter::measure(audio, rate, true);
    const auto measure = c.since();

    c = Clock::now();
    const auto plain = mix(stem, dir / "plain.wav", false);
    const auto unmastered = c.since();

    c = Clock::now();
    const auto master = mix(stem, dir / "mix.wav", true);
    const auto mastered = c.since();

    const bool ok = plain.ok && master.ok && master.masters.size() == 2;
    std::printf("premaster %.0f s stereo at %.0f Hz, %.1f LUFS\n", seconds, rate, measured.integratedLufs.value_or(-200.0));
    std::printf("libebur128 measurement pass (I + LRA + true peak): %.2f s wall, %.2f s CPU (%.0fx real time)\n", measure.wall,
                measure.cpu, seconds / measure.wall);
    std::printf("mix, unmastered (decode + write):                  %.2f s wall, %.2f s CPU (%.0fx real time)\n", unmastered.wall,
                unmastered.cpu, seconds / unmastered.wall);
    std::printf("mix, mastered to streaming + broadcast:           %.2f s wall, %.2f s CPU (%.0fx real time; mastering step %.2f s)\n",
                mastered.wall, mastered.cpu, seconds / mastered.wall, master.masteringSeconds);
    for (const auto& m : master.masters)
        std::printf("  %-9s %.2f LUFS (target %.1f), true peak %.2f dBTP, %d search passes, %d libebur128 verification(s)\n",
                    m.measurements.target.name.c_str(), m.measurements.measured.integratedLufs.value_or(-200.0),
                    m.measurements.target.lufs, m.measurements.measured.truePeakDb.value_or(-200.0), m.measurements.passes,
                    m.measurements.verifications);
    std::printf("master_overhead (mastered / unmastered - 1): %.2f wall, %.2f CPU\n", mastered.wall / unmastered.wall - 1.0,
                mastered.cpu / unmastered.cpu - 1.0);
    nlohmann::json j { { "audioSeconds", seconds },
                       { "measureSeconds", measure.wall },
                       { "measureCpuSeconds", measure.cpu },
                       { "unmasteredSeconds", unmastered.wall },
                       { "unmasteredCpuSeconds", unmastered.cpu },
                       { "masteredSeconds", mastered.wall },
                       { "masteredCpuSeconds", mastered.cpu },
                       { "masteringStepSeconds", master.masteringSeconds },
                       { "masteredRealtimeFactor", seconds / mastered.wall },
                       { "unmasteredRealtimeFactor", seconds / unmastered.wall },
                       { "master_overhead", mastered.wall / unmastered.wall - 1.0 },
                       { "targets", int(master.masters.size()) },
                       { "ok", ok } };
    fs::remove_all(dir);
    std::cout << j.dump() << std::endl;
    return ok ? 0 : 1;
}
