// loopmind_bench soak [--minutes N] [--period FRAMES] [--without KINDS]: the live engine (32 tracks through the
// mixer) plays through a private jackd (dummy backend, 48 kHz, 128-sample periods unless asked) for N minutes (1 by
// default) while everything that can happen to a session happens to it, over and over: fader, pan and
// effect-parameter moves, auditions started and stopped, hot swaps of the whole session, stem freezes swapped in
// (rendered on their own thread), and offline renders back to back. Prints xruns, allocations and locks on the audio
// thread and the workers, the callbacks' processing time against their budget and how late they started (to tell an
// engine too slow from a thread woken late), and resident memory at the start and the end (after a last swap lets go
// of everything the soak made, and malloc_trim). Asserts nothing.
#include "BenchSession.h"
#include "BenchSupport.h"
#include "Engine/AudioEngine.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/StemFreezer.h"
#include "Support/PrivateJackServer.h"
#include "Support/RealtimeChecks.h"
#include "WakeupLatencyProbe.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <malloc.h>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

using namespace loopmind;
using namespace loopmind::bench;

namespace {
/** Resident memory once glibc has handed back what it keeps for reuse (malloc_trim), so that freed buffers the
    allocator holds on to do not pass for growth. */
double residentMiB()
{
    ::malloc_trim(0);
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

/** Resident memory by kind, from /proc/self/smaps: the main heap, 8 MiB anonymous maps (threads' stacks, which
    glibc keeps for reuse), other anonymous maps (other arenas, large buffers), and file maps. */
std::map<std::string, double> residentByKindMiB()
{
    std::map<std::string, double> kinds;
    std::ifstream smaps("/proc/self/smaps");
    std::string kind;
    double sizeKb = 0;
    for (std::string line; std::getline(smaps, line);) {
        if (!line.empty() && std::isxdigit((unsigned char)line[0]) && line.find('-') != std::string::npos) {
            std::istringstream fields(line);
            std::string range, perms, offset, dev, inode, name;
            fields >> range >> perms >> offset >> dev >> inode >> name;
            kind = name == "[heap]" ? "heap" : name.empty() ? "anon" : name[0] == '[' ? "other" : "files";
        } else if (line.rfind("Size:", 0) == 0) {
            sizeKb = std::atof(line.c_str() + 5);
            if (kind == "anon" && sizeKb == 8192)
                kind = "stacks";
        } else if (line.rfind("Rss:", 0) == 0) {
            kinds[kind] += std::atof(line.c_str() + 4) / 1024.0;
        }
    }
    return kinds;
}

/** Bytes the program holds from malloc right now (in use, not what the allocator keeps): growth here is memory
    kept, growth only in resident memory is the allocator's fragmentation. */
double heapInUseMiB()
{
    const auto m = ::mallinfo2();
    return double(m.uordblks + m.hblkhd) / (1024.0 * 1024.0);
}
} // namespace

int runSoakBench(int argc, char** argv)
{
    double minutes = 1;
    int period = 128;
    std::string without; // --without parameters,auditions,swaps,freezes,renders: leave those out (to find what grows)
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--minutes") == 0 && i + 1 < argc)
            minutes = std::max(0.1, std::atof(argv[i + 1]));
        if (std::strcmp(argv[i], "--period") == 0 && i + 1 < argc)
            period = std::clamp(std::atoi(argv[i + 1]), 16, 4096);
        if (std::strcmp(argv[i], "--without") == 0 && i + 1 < argc)
            without = argv[i + 1];
    }
    auto left = [&without](const char* what) { return without.find(what) != std::string::npos; };
    constexpr double rate = 48000, songSeconds = 20;
    constexpr int tracks = 32;
    const auto length = std::int64_t(songSeconds * rate);

    AudioEngine engine(ParallelPlanRunner::defaultWorkerCount());
    std::string problem;
    const auto server = test::openJackEngine(engine, problem, period);
    if (!server) {
        std::printf("soak: %s\n", problem.c_str());
        std::cout << nlohmann::json { { "error", problem } }.dump() << std::endl;
        return 1;
    }
    auto* device = engine.deviceManager().getCurrentAudioDevice();
    const auto session = mixerSession(tracks, rate, songSeconds);
    RenderJob job;
    job.sampleRate = rate;
    job.lengthInSamples = length;
    job.tracks = session.tracks;
    job.mixer = session.layout;
    job.output.mixPath = std::filesystem::temp_directory_path() / ("loopmind-soak-" + std::to_string(::getpid())) / "mix.wav";
    job.output.mastering.enabled = false;
    std::filesystem::create_directories(job.output.mixPath.parent_path());
    auto load = [&] {
        engine.load(session.tracks, length, rate, session.layout);
        engine.setLoop(0, length, true);
    };
    load();
    engine.play();
    const auto audition = std::make_shared<juce::AudioBuffer<float>>(*session.tracks[0].audio);

    AIAsyncRenderer renderer;
    std::future<Result<FrozenAudioPtr>> freezing;
    int freezeTrack = 0;
    std::map<std::string, int> events;
    // Warm up: one of each event first, so that what is made once and kept (thread stacks, the renderer's first
    // buffers, library caches) is in the starting figure and the growth is what repeating them adds.
    renderer.start(job);
    renderer.waitForResult();
    if (JobControl c; auto frozen = renderFrozenTrack(job, 0, c))
        engine.swapInFrozenTrack(0, frozen.value());
    engine.startAudition(audition, 2.0 * rate);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    engine.stopAudition();
    load();
    std::this_thread::sleep_for(std::chrono::seconds(1)); // settle
    engine.releaseRetiredSessions();
    const double rssStart = residentMiB(), heapStart = heapInUseMiB();
    const auto kindsStart = residentByKindMiB();
    test::resetRealtimeViolations();
    // The machine's wake-up latency at the audio thread's priority, beside it (on a free core if there is one).
    WakeupLatencyProbe probe(engine.audioThreadPriority());
    const int xrunsBefore = device->getXRunCount();
    engine.resetCallbackTiming();
    const auto c0 = engine.callbackCount();
    const auto t0 = std::chrono::steady_clock::now();
    std::uint32_t random = 12345; // seeded: the same soak every run
    auto next = [&random](std::uint32_t n) { random = random * 1664525u + 1013904223u; return (random >> 8) % n; };
    for (int tick = 0; std::chrono::steady_clock::now() - t0 < std::chrono::duration<double>(minutes * 60); ++tick) {
        const int track = int(next(tracks));
        static const char* kinds[] = { "parameters", "auditions", "swaps", "freezes", "renders" };
        if (left(kinds[tick % 5])) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        switch (tick % 5) {
        case 0: { // a fader, a pan and an effect parameter, live (ramped)
            auto strip = *engine.strip({ StripRef::Kind::track, track });
            strip.volumeDb = -float(next(12));
            strip.pan = (float(next(200)) - 100.0f) / 100.0f;
            if (!strip.inserts.empty())
                strip.inserts[0].parameters["low_gain"] = float(next(12)) - 6.0f;
            engine.setStrip({ StripRef::Kind::track, track }, strip);
            ++events["parameter changes"];
            break;
        }
        case 1:
            if (engine.isAuditioning())
                engine.stopAudition();
            else
                engine.startAudition(audition, 2.0 * rate, tick % 2 == 0);
            ++events["auditions"];
            break;
        case 2:
            if (tick % 20 == 2) { // a whole new session now and then; it lets go of the freezes swapped in
                load();
                ++events["hot swaps"];
            }
            break;
        case 3: // a freeze renders on its own thread; the engine takes it in when it is done
            if (!freezing.valid()) {
                freezeTrack = track;
                freezing = std::async(std::launch::async, [&job, track] { JobControl c; return renderFrozenTrack(job, size_t(track), c); });
            } else if (freezing.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                if (auto frozen = freezing.get())
                    engine.swapInFrozenTrack(freezeTrack, frozen.value());
                ++events["freezes"];
            }
            break;
        default:
            if (!renderer.isRunning()) {
                if (events["renders"] > 0)
                    renderer.waitForResult();
                renderer.start(job);
                ++events["renders"];
            }
        }
        engine.releaseRetiredSessions();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const auto c1 = engine.callbackCount();
    const auto t1 = std::chrono::steady_clock::now();
    const int xruns = device->getXRunCount() - xrunsBefore;
    const auto timing = engine.callbackTiming();
    const double probeLongest = probe.longestMicros();
    const auto probeLate = probe.wakeupsOverOneMsLate();
    const auto violations = test::realtimeViolations();
    renderer.cancel();
    if (events["renders"] > 0)
        renderer.waitForResult();
    if (freezing.valid())
        (void)freezing.get(); // a finished freeze's audio lives in the future until it is taken: not growth
    engine.stopAudition();
    load(); // what the soak added goes with the last session
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    engine.releaseRetiredSessions();
    const double rssEnd = residentMiB(), heapEnd = heapInUseMiB();
    auto kindsEnd = residentByKindMiB();
    engine.closeDevice();
    std::error_code ec;
    std::filesystem::remove_all(job.output.mixPath.parent_path(), ec);

    const double expected = std::chrono::duration<double>(t1 - t0).count() * rate / double(period);
    std::printf("soak: %d tracks through the mixer and jackd (dummy, 48 kHz, %d frames) for %.1f min:", tracks, period, minutes);
    for (const auto& [name, count] : events)
        std::printf(" %d %s,", count, name.c_str());
    std::printf("\n  callbacks seen %.0f, expected %.1f; xruns %d; audio-thread allocations %ld, locks %ld%s; resident memory %.1f -> %.1f MiB (%+.1f), heap in use %.1f -> %.1f MiB (%+.1f)\n",
                double(c1 - c0), expected, xruns, violations.allocations, violations.locks,
                test::realtimeChecksAvailable() ? "" : " (not counted in this build)", rssStart, rssEnd, rssEnd - rssStart, heapStart, heapEnd, heapEnd - heapStart);
    std::printf("  callbacks over their budget %lld (longest %.0f us of %.0f); started over a block late %lld (longest gap %.0f us)\n",
                (long long)timing.overBudget, timing.longestMicros, timing.longestBudgetMicros, (long long)timing.lateStarts,
                timing.longestGapMicros);
    std::printf("  the machine: a %s thread woken every 1 ms was late by over 1 ms %lld times, by %.0f us at most\n",
                probe.realtime() ? "SCHED_FIFO" : "normal (no real-time priority here)", (long long)probeLate, probeLongest);
    nlohmann::json j { { "minutes", minutes }, { "period", period }, { "callbacks_over_budget", timing.overBudget },
                       { "longest_callback_us", timing.longestMicros }, { "late_starts", timing.lateStarts },
                       { "longest_gap_us", timing.longestGapMicros },
                       { "probe_late_over_1ms", probeLate }, { "probe_longest_late_us", probeLongest }, { "tracks", tracks }, { "xruns", xruns }, { "audio_thread_allocations", violations.allocations },
                       { "audio_thread_locks", violations.locks }, { "rss_start_mib", rssStart }, { "rss_end_mib", rssEnd },
                       { "rss_growth_mib", rssEnd - rssStart }, { "heap_growth_mib", heapEnd - heapStart }, { "callbacks_expected", expected }, { "callbacks_seen", double(c1 - c0) } };
    for (const auto& [name, count] : events)
        j[name] = count;
    std::printf("  resident growth by kind (MiB):");
    for (const auto& [kind, end] : kindsEnd) {
        const double start = kindsStart.count(kind) ? kindsStart.at(kind) : 0.0;
        std::printf(" %s %+.2f (%.1f),", kind.c_str(), end - start, end);
        j["rss_growth_" + kind + "_mib"] = end - start;
    }
    std::printf("\n");
    std::cout << j.dump() << std::endl;
    return 0;
}
