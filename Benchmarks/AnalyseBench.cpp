// loopmind_bench analyse [count]: writes a library of `count` loops (default 1000) into a temp folder, 2-8 s
// each and varied (drums, bass, chords, plucked lines, arrhythmic noise; 70-180 BPM; 44.1/48 kHz; mono and
// stereo; 16/24-bit), then measures in one run:
//   baseline  decode only (same files, same pool size, no analysis): the floor any analysis pays;
//   cold      analyseLoopFiles with an empty cache (decode + analyse + waveform + store);
//   cached    the same files again: answered from the SQLite cache.
// Wall time depends on what else the machine runs, so CPU time per loop and the load average are printed
// too. Prints figures; asserts nothing. The last line is JSON.
#include "BenchSupport.h"
#include "Core/AtomicFile.h"
#include "Core/DeterministicRandom.h"
#include "Core/JobControl.h"
#include "Core/ParallelFor.h"
#include "Library/AnalysisCache.h"
#include "Library/DecodedAudio.h"
#include "Library/LoopAnalyser.h"
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace loopmind;

namespace {

constexpr double kPi = 3.14159265358979323846;

/** One synthetic loop of the bench library: what it is and how long. */
struct LoopSpec {
    int kind = 0; // 0 drums, 1 bass, 2 chords, 3 plucked line, 4 arrhythmic noise
    double bpm = 120.0, seconds = 4.0, sampleRate = 44100.0;
    int channels = 2, bits = 16, tonic = 0;
};

LoopSpec specFor(int index)
{
    DeterministicRandom rng(0xBE7C'0000ull + std::uint64_t(index));
    LoopSpec s;
    s.kind = index % 5;
    s.sampleRate = rng.nextChance(0.5) ? 44100.0 : 48000.0;
    s.channels = rng.nextChance(0.3) ? 1 : 2;
    s.bits = rng.nextChance(0.5) ? 16 : 24;
    s.tonic = int(rng.nextBelow(12));
    s.bpm = 70.0 + double(rng.nextBelow(111)); // 70-180
    // Whole bars (1, 2 or 4) that keep the loop between 2 and 8 seconds.
    std::vector<int> fits;
    for (int bars : { 1, 2, 4 })
        if (const double secs = bars * 4 * 60.0 / s.bpm; secs >= 2.0 && secs <= 8.0)
            fits.push_back(bars);
    s.seconds = fits.empty() ? 4.0 : fits[size_t(rng.nextBelow(fits.size()))] * 4 * 60.0 / s.bpm;
    if (s.kind == 4)
        s.seconds = 2.0 + 6.0 * rng.nextUnit();
    return s;
}

/** Adds a decaying tone with a few harmonics (amplitude 1/h) at `start`, wrapping around the loop end. */
void addTone(std::vector<float>& out, double rate, double start, double length, double hz, int harmonics, double decay, float gain)
{
    const auto n = std::int64_t(out.size());
    const auto first = std::int64_t(start * rate), count = std::int64_t(length * rate);
    for (std::int64_t i = 0; i < count; ++i) {
        const double t = double(i) / rate;
        double v = 0.0;
        for (int h = 1; h <= harmonics && h * hz < 0.45 * rate; ++h)
            v += std::sin(2.0 * kPi * hz * h * t) / h;
        const double env = std::exp(-t * decay) * std::min(1.0, t * 200.0);
        out[size_t((first + i) % n)] += float(gain * v * env);
    }
}

void addNoiseHit(std::vector<float>& out, double rate, double start, double length, double decay, float gain, DeterministicRandom& rng)
{
    const auto n = std::int64_t(out.size());
    const auto first = std::int64_t(start * rate), count = std::int64_t(length * rate);
    float previous = 0.0f;
    for (std::int64_t i = 0; i < count; ++i) {
        const float white = float(rng.nextUnit() * 2.0 - 1.0);
        const float bright = white - previous; // first difference: a hat-like, high-leaning noise
        previous = white;
        out[size_t((first + i) % n)] += gain * bright * float(std::exp(-double(i) / rate * decay));
    }
}

std::vector<float> renderLoop(const LoopSpec& s, DeterministicRandom& rng)
{
    std::vector<float> out(size_t(std::llround(s.seconds * s.sampleRate)), 0.0f);
    const double beat = 60.0 / s.bpm, rate = s.sampleRate;
    const int beats = int(std::lround(s.seconds / beat));
    const double tonicHz = 55.0 * std::pow(2.0, s.tonic / 12.0);
    const int minorTriad[3] = { 0, 3, 7 }, scale[5] = { 0, 3, 5, 7, 10 };
    switch (s.kind) {
    case 0:
        for (int b = 0; b < beats; ++b) {
            if (b % 2 == 0) addTone(out, rate, b * beat, 0.3, 50.0, 1, 14.0, 0.8f);
            else addNoiseHit(out, rate, b * beat, 0.2, 25.0, 0.4f, rng);
            for (int e = 0; e < 2; ++e) addNoiseHit(out, rate, (b + 0.5 * e) * beat, 0.05, 90.0, 0.15f, rng);
        }
        break;
    case 1:
        for (int e = 0; e < beats * 2; ++e)
            addTone(out, rate, e * beat / 2, beat / 2 * 0.9, tonicHz * std::pow(2.0, scale[rng.nextBelow(5)] / 12.0), 6, 4.0, 0.4f);
        break;
    case 2:
        for (int b = 0; b < beats; b += 2)
            for (int note : minorTriad)
                addTone(out, rate, b * beat, 2 * beat, 2 * tonicHz * std::pow(2.0, (note + (b % 4 == 2 ? 5 : 0)) / 12.0), 4, 1.0, 0.2f);
        break;
    case 3:
        for (int e = 0; e < beats * 2; ++e)
            if (rng.nextChance(0.8))
                addTone(out, rate, e * beat / 2, beat / 2, 4 * tonicHz * std::pow(2.0, scale[rng.nextBelow(5)] / 12.0), 3, 8.0, 0.3f);
        break;
    default:
        for (double t = 0.0; t < s.seconds; t += 0.02 + 0.3 * rng.nextUnit())
            addNoiseHit(out, rate, t, 0.3, 6.0 + 20.0 * rng.nextUnit(), 0.1f, rng);
        break;
    }
    float peak = 1e-9f;
    for (float v : out) peak = std::max(peak, std::abs(v));
    for (float& v : out) v *= 0.8f / peak;
    return out;
}

bool writeLoop(const fs::path& path, const LoopSpec& s, const std::vector<float>& mono)
{
    juce::AudioBuffer<float> audio(s.channels, int(mono.size()));
    for (int c = 0; c < s.channels; ++c)
        for (size_t i = 0; i < mono.size(); ++i)
            audio.setSample(c, int(i), mono[i] * (c == 0 ? 1.0f : 0.9f));
    AtomicFileWriter file(path);
    {
        std::unique_ptr<juce::OutputStream> stream(juce::File(file.tempPath().string()).createOutputStream().release());
        if (stream == nullptr) return false;
        juce::WavAudioFormat wav;
        std::unique_ptr<juce::AudioFormatWriter> writer(
            wav.createWriterFor(stream.get(), s.sampleRate, unsigned(s.channels), s.bits, {}, 0));
        if (writer == nullptr) return false;
        stream.release(); // the writer owns it now
        if (!writer->writeFromAudioSampleBuffer(audio, 0, audio.getNumSamples())) return false;
    }
    return file.commit().ok();
}

/** "drums-bcd": the index in letters, so no number in a name can pass for a tempo hint. */
std::string letters(int index)
{
    std::string out;
    do {
        out.insert(out.begin(), char('a' + index % 26));
        index /= 26;
    } while (index > 0);
    return out;
}

/** Writes the library on `jobs` threads; returns the files in index order (empty on failure). */
std::vector<fs::path> writeLibrary(const fs::path& dir, int count, int jobs, double& audioSeconds)
{
    std::vector<fs::path> files(static_cast<size_t>(count));
    std::vector<double> seconds(static_cast<size_t>(count), 0.0);
    const char* kinds[] = { "drums", "bass", "chords", "lead", "texture" };
    std::atomic<int> failed { 0 };
    parallelFor(size_t(count), size_t(jobs), [&](size_t index) {
        const int i = int(index);
        const auto spec = specFor(i);
        DeterministicRandom rng(0x5A11'0000ull + std::uint64_t(i));
        // Folders of 50, like packs; names without tempo so the audio has to answer.
        const auto folder = dir / ("pack-" + letters(i / 50));
        std::error_code ec;
        fs::create_directories(folder, ec);
        files[index] = folder / (std::string(kinds[spec.kind]) + "-" + letters(i) + ".wav");
        seconds[index] = spec.seconds;
        if (!writeLoop(files[index], spec, renderLoop(spec, rng))) ++failed;
    });
    audioSeconds = 0.0;
    for (double s : seconds) audioSeconds += s;
    return failed.load() == 0 ? files : std::vector<fs::path>();
}

/** Decodes every file on `jobs` threads; returns the number decoded. */
int decodeAll(const std::vector<fs::path>& files, int jobs)
{
    std::atomic<int> ok { 0 };
    parallelFor(files.size(), size_t(jobs), [&](size_t i) { ok += decodeAudioFile(files[i]).ok() ? 1 : 0; });
    return ok.load();
}

double loadAverage()
{
    double load[1] = { 0.0 };
    return getloadavg(load, 1) == 1 ? load[0] : -1.0;
}

} // namespace

int runAnalyseBench(int argc, char** argv)
{
    const int count = argc >= 3 ? std::max(1, std::atoi(argv[2])) : 1000;
    const int jobs = int(coreCount());
    const auto dir = fs::temp_directory_path() / ("loopmind-analyse-bench-" + std::to_string(::getpid()));
    double audioSeconds = 0.0;
    const auto files = writeLibrary(dir / "library", count, jobs, audioSeconds);
    if (files.empty()) {
        std::cerr << "loopmind_bench analyse: cannot write the loop library under " << dir << "\n";
        return 1;
    }
    const double loadBefore = loadAverage();

    double t0 = bench::wallSeconds(), c0 = bench::cpuSeconds();
    const int decoded = decodeAll(files, jobs);
    const double decodeSeconds = bench::wallSeconds() - t0, decodeCpu = bench::cpuSeconds() - c0;

    auto cache = AnalysisCache::open(dir / "analysis.sqlite");
    if (!cache.ok()) {
        std::cerr << "loopmind_bench analyse: cannot open the cache\n";
        return 1;
    }
    JobControl control;
    AnalysisCounts cold;
    t0 = bench::wallSeconds();
    c0 = bench::cpuSeconds();
    const auto coldInfos = analyseLoopFiles(files, jobs, control, cache.value().get(), &cold);
    const double coldSeconds = bench::wallSeconds() - t0, coldCpu = bench::cpuSeconds() - c0;

    AnalysisCounts warm;
    t0 = bench::wallSeconds();
    const auto warmInfos = analyseLoopFiles(files, jobs, control, cache.value().get(), &warm);
    const double warmSeconds = bench::wallSeconds() - t0;
    bool allOk = true;
    int withTempo = 0, tempoByKind[5] = {}, countByKind[5] = {}, exactByKind[5] = {}, octaveByKind[5] = {};
    for (size_t i = 0; i < warmInfos.size(); ++i) {
        const auto& info = warmInfos[i];
        allOk = allOk && info.ok && !info.waveform.empty();
        withTempo += info.bpm ? 1 : 0;
        const int kind = specFor(int(i)).kind;
        ++countByKind[kind];
        tempoByKind[kind] += info.bpm ? 1 : 0;
        // Accuracy on this second, differently made synthetic set (the labelled set is in the tests).
        const double truth = specFor(int(i)).bpm;
        if (info.bpm && kind != 4) {
            exactByKind[kind] += std::abs(*info.bpm - truth) <= 1.0 ? 1 : 0;
            octaveByKind[kind] += std::abs(*info.bpm - truth) <= 1.0 || std::abs(*info.bpm - 2 * truth) <= 1.0
                                          || std::abs(*info.bpm - truth / 2) <= 1.0 ? 1 : 0;
        }
    }
    const double loadAfter = loadAverage();

    const double n = double(files.size());
    std::printf("analyse  %d loops (2-8 s, mean %.1f s, %d with a tempo), %d threads, load average %.2f before / %.2f after\n",
                count, audioSeconds / n, withTempo, jobs, loadBefore, loadAfter);
    std::printf("with a tempo: drums %d/%d, bass %d/%d, chords %d/%d, lines %d/%d, arrhythmic noise %d/%d (should be 0)\n",
                tempoByKind[0], countByKind[0], tempoByKind[1], countByKind[1], tempoByKind[2], countByKind[2], tempoByKind[3],
                countByKind[3], tempoByKind[4], countByKind[4]);
    std::printf("tempo exact / up to an octave: drums %d/%d, bass %d/%d, chords %d/%d, lines %d/%d\n", exactByKind[0],
                octaveByKind[0], exactByKind[1], octaveByKind[1], exactByKind[2], octaveByKind[2], exactByKind[3], octaveByKind[3]);
    std::printf("baseline decode only:        %7.2f s  %8.1f files/s  (%.2f ms CPU per file, %d decoded)\n", decodeSeconds,
                n / decodeSeconds, 1000.0 * decodeCpu / n, decoded);
    std::printf("cold (empty cache):          %7.2f s  %8.1f loops/s  (%.2f ms CPU per loop, %.1fx the decode-only time)\n",
                coldSeconds, n / coldSeconds, 1000.0 * coldCpu / n, coldSeconds / decodeSeconds);
    std::printf("cached rescan:               %7.2f s  %8.1f files/s  (%d from cache)\n", warmSeconds, n / warmSeconds,
                warm.fromCache.load());
    std::printf("peak memory %.0f MiB\n", bench::peakRssMiB());
    nlohmann::json j { { "loops", count },
                       { "threads", jobs },
                       { "mean_loop_seconds", audioSeconds / n },
                       { "load_average_before", loadBefore },
                       { "load_average_after", loadAfter },
                       { "decode_only_files_per_second", n / decodeSeconds },
                       { "loops_per_second_cold", n / coldSeconds },
                       { "cold_cpu_ms_per_loop", 1000.0 * coldCpu / n },
                       { "decode_cpu_ms_per_file", 1000.0 * decodeCpu / n },
                       { "files_per_second_cached", n / warmSeconds },
                       { "analysed_cold", cold.decoded.load() },
                       { "from_cache_warm", warm.fromCache.load() },
                       { "peak_rss_mb", bench::peakRssMiB() },
                       { "ok", allOk } };
    std::error_code ec;
    if (std::getenv("LOOPMIND_BENCH_KEEP") == nullptr) // set it to inspect the library afterwards
        fs::remove_all(dir, ec);
    else
        std::printf("library kept in %s\n", dir.string().c_str());
    std::cout << j.dump() << std::endl;
    return allOk ? 0 : 1;
}
