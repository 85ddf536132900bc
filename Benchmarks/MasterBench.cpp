// loopmind_bench master: the path of `loopmind mix stems/*.wav --out master.wav --preset streaming`.
// Eight 180 s stereo stems at 44.1 kHz (a song-like, deterministic set: kick, bass, chords, pad, lead, hats,
// percussion, fx) are written once to a temporary folder (untimed); then the mix job runs in the same run,
// each time decode + sum + (master) + write, exactly as the CLI does it (prepareStemMixJob, then the
// renderer with the engine's default workers): with no mastering (the baseline) and mastered to the
// streaming preset, alternately, five times each; the best of each counts (a shared machine's noise only
// ever adds time). Prints wall and CPU seconds, x real time and master_overhead = mastered / plain - 1, then
// where the mastering step's time goes, stage by stage, on the plain mix. Nothing is asserted. The last line is JSON.
#include "BenchSupport.h"
#include "Core/DeterministicRandom.h"
#include "Engine/ParallelPlanRunner.h"
#include "Library/DecodedAudio.h"
#include "Mastering/HighPassStage.h"
#include "Mastering/LoudnessTargeting.h"
#include "Mastering/MasteringChain.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace loopmind;

namespace {
constexpr double rate = 44100, seconds = 180, beat = 0.5; // 120 BPM
constexpr int stemCount = 8, rounds = 5;
constexpr double pi = 3.14159265358979323846;

struct Clock {
    double wall, cpu;
    static Clock now() { return { bench::wallSeconds(), bench::cpuSeconds() }; }
    Clock since() const
    {
        const auto n = now();
        return { n.wall - wall, n.cpu - cpu };
    }
};

/** One sample of stem `index` at time t (seconds); `noise` is a fresh uniform value in [-1, 1). */
double stemSample(int index, double t, double noise)
{
    const double inBeat = std::fmod(t, beat), bar = std::floor(t / (4 * beat));
    const double section = 0.6 + 0.4 * std::sin(2 * pi * t / 32.0); // a slow build and release
    const double root = 55.0 * std::pow(2.0, double(int(bar) % 4 == 3 ? 5 : (int(bar) % 4 == 2 ? 3 : 0)) / 12.0);
    switch (index) {
    case 0: return 0.7 * std::sin(2 * pi * (50.0 + 90.0 * std::exp(-30.0 * inBeat)) * inBeat) * std::exp(-8.0 * inBeat);
    case 1: return 0.35 * std::tanh(2.0 * std::sin(2 * pi * root * t)) * std::exp(-3.0 * std::fmod(t + 0.25, beat));
    case 2: return 0.08 * section * (std::sin(2 * pi * root * 4 * t) + std::sin(2 * pi * root * 5 * t) + std::sin(2 * pi * root * 6 * t));
    case 3: return 0.1 * section * std::sin(2 * pi * root * 2 * t + 0.8 * std::sin(2 * pi * 0.25 * t));
    case 4: return 0.12 * std::sin(2 * pi * root * 8 * (1.0 + 0.003 * std::sin(2 * pi * 5 * t)) * t) * std::exp(-4.0 * std::fmod(t, 2 * beat));
    case 5: return 0.09 * noise * std::exp(-45.0 * std::fmod(t + beat / 2, beat / 2));
    case 6: return 0.15 * noise * std::exp(-25.0 * std::fmod(t + beat, 4 * beat)) + 0.1 * std::sin(2 * pi * 180 * inBeat) * std::exp(-20 * inBeat);
    default: return 0.05 * section * noise * (0.5 + 0.5 * std::sin(2 * pi * t / 8.0));
    }
}

void writeStem(const fs::path& path, int index)
{
    const int n = int(rate * seconds);
    juce::AudioBuffer<float> b(2, n);
    DeterministicRandom random(std::uint64_t(1000 + index));
    const double pan = 0.15 * (index % 3 - 1); // a little width
    for (int i = 0; i < n; ++i) {
        const double v = stemSample(index, i / rate, 2.0 * random.nextUnit() - 1.0);
        b.setSample(0, i, float(v * (1.0 - pan)));
        b.setSample(1, i, float(v * (1.0 + pan)));
    }
    juce::WavAudioFormat wav;
    std::unique_ptr<juce::AudioFormatWriter> w(wav.createWriterFor(new juce::FileOutputStream(juce::File(path.string())), rate, 2, 24, {}, 0));
    w->writeFromAudioSampleBuffer(b, 0, n);
}

/** What `loopmind mix STEMS --out OUT [--preset streaming | --no-master]` runs, minus the progress display. */
RenderReport mix(const std::vector<fs::path>& stems, const fs::path& out, bool master)
{
    OutputSettings o;
    o.mixPath = out;
    o.mastering.enabled = master;
    o.mastering.targets = { *deliveryPreset("streaming") };
    auto prepared = prepareStemMixJob(stems, std::nullopt, o);
    prepared.job.workers = ParallelPlanRunner::defaultWorkerCount();
    JobControl control;
    return AIAsyncRenderer::render(prepared.job, control);
}

/** Times the mastering step's stages one after another on the plain mix (the premaster), as the renderer runs them. */
void printStages(const fs::path& plainMix)
{
    auto decoded = decodeAudioFile(plainMix);
    if (!decoded)
        return;
    auto& audio = decoded.value().audio;
    const auto target = *deliveryPreset("streaming");
    auto c = Clock::now();
    mastering::HighPassStage highPass(rate);
    float* const* data = audio.getArrayOfWritePointers();
    highPass.process(data[0], data[1], data[0], data[1], audio.getNumSamples());
    const auto highPassed = c.since();
    const auto programmeLufs = mastering::GatedLoudness(audio, rate).integrated(1.0); // measured during the render
    c = Clock::now();
    mastering::MasteringChain chain(rate, MasteringSettings {}.intensity);
    chain.prepareHighPassed(audio, { highPass.leftBands(), highPass.rightBands() }, programmeLufs);
    const auto prepared = c.since();
    c = Clock::now();
    {
        // One curve generated over the whole programme, as a measurement or a verification reads it (in chunks).
        auto curve = chain.limiterCurve(target.lufs - chain.preparedLoudness()->integrated(1.0).value_or(0.0), target.truePeakDb - 0.2);
        std::vector<float> gains(size_t(mastering::masterChunkSamples));
        for (int at = 0; at < audio.getNumSamples(); at += mastering::masterChunkSamples)
            curve.next(gains.data(), std::min(mastering::masterChunkSamples, audio.getNumSamples() - at));
    }
    const auto oneCurve = c.since();
    c = Clock::now();
    const auto mastered = mastering::masterToTarget(chain, audio, rate, target);
    const auto targeted = c.since();
    juce::AudioBuffer<float> again;
    c = Clock::now();
    // What one verification costs (its limiter curve included).
    auto curve = chain.limiterCurve(mastered.measurements.gainDb, target.truePeakDb - 0.2);
    mastering::renderAndMeasure(audio, mastered.measurements.gainDb, curve, again, rate);
    const auto verification = c.since();
    std::printf("mastering stages on the premaster (wall / CPU seconds):\n"
                "  high-pass + band energies (runs during the render)  %.3f / %.3f\n"
                "  shelves + glue + measurements (once per render)      %.3f / %.3f\n"
                "  one limiter curve                                    %.3f / %.3f\n"
                "  gain search + apply + verification (per target)      %.3f / %.3f  (%d passes)\n"
                "  of which one verification (gain, libebur128, peak)   %.3f / %.3f\n",
                highPassed.wall, highPassed.cpu, prepared.wall, prepared.cpu, oneCurve.wall, oneCurve.cpu, targeted.wall, targeted.cpu,
                mastered.measurements.passes, verification.wall, verification.cpu);
}

std::string loadAverage()
{
    double load[3] {};
    if (getloadavg(load, 3) != 3)
        return "unknown";
    char text[64];
    std::snprintf(text, sizeof text, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    return text;
}
} // namespace

int runMasterBench(int, char**)
{
    const auto dir = fs::temp_directory_path() / ("loopmind-master-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir / "stems");
    std::vector<fs::path> stems;
    for (int i = 0; i < stemCount; ++i) {
        stems.push_back(dir / "stems" / ("stem" + std::to_string(i + 1) + ".wav"));
        writeStem(stems.back(), i);
    }
    std::printf("%d stems x %.0f s stereo at %.0f Hz (24-bit WAV), load average before: %s\n", stemCount, seconds, rate,
                loadAverage().c_str());

    RenderReport plain, master;
    Clock unmastered { 1e9, 1e9 }, mastered { 1e9, 1e9 }; // the best of the rounds, wall and CPU each
    for (int round = 0; round < rounds; ++round) {
        auto c = Clock::now();
        plain = mix(stems, dir / "plain.wav", false);
        auto t = c.since();
        unmastered = { std::min(unmastered.wall, t.wall), std::min(unmastered.cpu, t.cpu) };
        c = Clock::now();
        auto report = mix(stems, dir / "master.wav", true);
        t = c.since();
        if (t.wall < mastered.wall) // the fastest run's report, for its mastering step
            master = std::move(report);
        mastered = { std::min(mastered.wall, t.wall), std::min(mastered.cpu, t.cpu) };
    }

    const bool ok = plain.ok && master.ok && master.masters.size() == 1;
    const double overhead = mastered.wall / unmastered.wall - 1.0;
    std::printf("best of %d runs each, alternating:\n", rounds);
    std::printf("mix --no-master (decode + sum + write):        %6.2f s wall, %6.2f s CPU, %6.1fx real time\n", unmastered.wall,
                unmastered.cpu, seconds / unmastered.wall);
    std::printf("mix --preset streaming (+ master):             %6.2f s wall, %6.2f s CPU, %6.1fx real time (mastering step %.2f s)\n",
                mastered.wall, mastered.cpu, seconds / mastered.wall, master.masteringSeconds);
    for (const auto& m : master.masters)
        std::printf("  %s: %.2f LUFS (target %.1f), true peak %.2f dBTP (ceiling %.1f), gain %+.2f dB, %d search passes, "
                    "%d verification(s)\n",
                    m.measurements.target.name.c_str(), m.measurements.measured.integratedLufs.value_or(-200.0), m.measurements.target.lufs,
                    m.measurements.measured.truePeakDb.value_or(-200.0), m.measurements.target.truePeakDb, m.measurements.gainDb,
                    m.measurements.passes, m.measurements.verifications);
    std::printf("master_overhead (mastered / plain - 1): %.2f wall, %.2f CPU; load average after: %s%s\n", overhead,
                mastered.cpu / unmastered.cpu - 1.0, loadAverage().c_str(), ok ? "" : "  (A MIX FAILED)");
    printStages(dir / "plain.wav");
    nlohmann::json j { { "audioSeconds", seconds },
                       { "stems", stemCount },
                       { "plainSeconds", unmastered.wall },
                       { "plainCpuSeconds", unmastered.cpu },
                       { "plainRealtimeFactor", seconds / unmastered.wall },
                       { "masteredSeconds", mastered.wall },
                       { "masteredCpuSeconds", mastered.cpu },
                       { "masteredRealtimeFactor", seconds / mastered.wall },
                       { "masteringStepSeconds", master.masteringSeconds },
                       { "master_overhead", overhead },
                       { "load", loadAverage() },
                       { "ok", ok } };
    fs::remove_all(dir);
    std::cout << j.dump() << std::endl;
    return ok ? 0 : 1;
}
