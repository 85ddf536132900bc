// loopmind_bench arrange: arranges a song from a synthetic analysed library of 1,000 loops (LoopInfos made here
// from a fixed seed: every role, tempi around 124 BPM with some half/double time, related and clashing keys,
// 1-4 bar lengths, measured loudness; no audio is decoded), and, in the same run, from an 11-loop pack as the
// baseline. Median wall time over repeated runs; the load average is printed because the machine is shared.
// The last line is JSON.
#include "BenchSupport.h"
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/ArrangementFile.h"
#include "Core/DeterministicRandom.h"
#include <algorithm>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

using namespace loopmind;

namespace {
std::vector<LoopInfo> syntheticLibrary(size_t count, std::uint64_t seed)
{
    static const char* const roles[] = { "drums", "bass", "chords", "melody", "fx", "vocal" };
    static const char* const keys[] = { "A minor", "C major", "E minor", "D minor", "F major", "G major", "F# major", "B minor" };
    static const double tempi[] = { 120, 122, 124, 124, 124, 126, 128, 62, 248, 92, 140 };
    DeterministicRandom random(seed);
    std::vector<LoopInfo> out;
    for (size_t i = 0; i < count; ++i) {
        LoopInfo l;
        const std::string role = roles[i % 6];
        l.path = "/library/" + role + "/loop " + std::to_string(i) + ".wav";
        l.ok = true;
        l.role = role;
        l.bpm = tempi[random.nextBelow(std::size(tempi))];
        const int beats = 4 << random.nextBelow(3); // 4, 8 or 16 beats
        l.durationSeconds = beats * 60.0 / *l.bpm;
        l.sampleRate = 44100;
        l.channels = 2;
        l.key = role == "drums" || role == "fx" ? std::string("none") : std::string(keys[random.nextBelow(std::size(keys))]);
        l.lufs = -20.0 + 14.0 * random.nextUnit();
        l.bpmConfidence = l.keyConfidence = l.roleConfidence = 0.5 + 0.5 * random.nextUnit();
        out.push_back(std::move(l));
    }
    return out;
}

/** Median wall milliseconds of `runs` arrangements (the song written to text too, as the CLI does). */
double medianMs(const std::vector<LoopInfo>& loops, const ArrangementRequest& request, int runs, size_t& bytes)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        const double t0 = bench::wallSeconds();
        bytes = arrangementToText(AIArrangementEngine().arrange(loops, request)).size();
        ms.push_back((bench::wallSeconds() - t0) * 1000.0);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}
} // namespace

int runArrangeBench(int, char**)
{
    auto style = loadStyle("house");
    if (!style) {
        std::fprintf(stderr, "loopmind_bench arrange: %s\n", style.error().c_str());
        return 2;
    }
    const auto library = syntheticLibrary(1000, 7), pack = syntheticLibrary(11, 7);
    ArrangementRequest request;
    request.seed = 1;
    request.style = style.value();
    constexpr int runs = 21;
    size_t libraryBytes = 0, packBytes = 0;
    const double cpu0 = bench::cpuSeconds();
    const double libraryMs = medianMs(library, request, runs, libraryBytes);
    const double packMs = medianMs(pack, request, runs, packBytes);
    const double cpu = bench::cpuSeconds() - cpu0;
    double load[3] = { 0, 0, 0 };
    if (getloadavg(load, 3) < 0) load[0] = -1;
    std::printf("arrange from 1000 analysed loops: %.3f ms (median of %d; arrangement.json %zu bytes)\n", libraryMs, runs, libraryBytes);
    std::printf("baseline, 11 loops:               %.3f ms (median of %d; %zu bytes)\n", packMs, runs, packBytes);
    std::printf("cpu %.3f s over all runs, peak RSS %.1f MiB, load average %.2f (shared machine: figures are pessimistic)\n", cpu,
                bench::peakRssMiB(), load[0]);
    nlohmann::json j = { { "bench", "arrange" }, { "arrange_ms_1000_loops", std::round(libraryMs * 1000) / 1000 },
                         { "baseline_arrange_ms_11_loops", std::round(packMs * 1000) / 1000 }, { "runs", runs },
                         { "load_average", load[0] } };
    std::printf("%s\n", j.dump().c_str());
    return 0;
}
