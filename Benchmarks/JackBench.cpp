// loopmind_bench jack [--seconds N] [--alone]: the 32-track mixer case plays through a private jackd (dummy backend, 48 kHz,
// 128-sample periods) for N seconds (60 by default) while offline renders of the same session run back to back on
// the renderer's thread. Prints xruns, the callbacks JACK should have made and the ones the engine saw, and what
// was allocated or locked on the audio thread and the workers. --alone plays without the renders. Asserts nothing.
#include "BenchSession.h"
#include "BenchSupport.h"
#include "Engine/AudioEngine.h"
#include "Render/AIAsyncRenderer.h"
#include "Support/PrivateJackServer.h"
#include "Support/RealtimeChecks.h"
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

using namespace loopmind;
using namespace loopmind::bench;

int runJackBench(int argc, char** argv)
{
    double seconds = 60;
    bool alone = false; // --alone: no offline renders, to tell the machine's xruns from the load's
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::max(1.0, std::atof(argv[i + 1]));
        alone = alone || std::strcmp(argv[i], "--alone") == 0;
    }
    constexpr double rate = 48000;
    constexpr int tracks = 32;

    AudioEngine engine(ParallelPlanRunner::defaultWorkerCount());
    std::string problem;
    const auto server = test::openJackEngine(engine, problem);
    if (!server) {
        std::printf("jack: %s\n", problem.c_str());
        std::cout << nlohmann::json { { "error", problem } }.dump() << std::endl;
        return 1;
    }
    auto* device = engine.deviceManager().getCurrentAudioDevice();
    const auto session = mixerSession(tracks, rate, 30);
    if (auto st = engine.load(session.tracks, std::int64_t(30 * rate), rate, session.layout); !st) {
        std::printf("jack: the session did not load: %s\n", st.error().c_str());
        return 1;
    }
    engine.setLoop(0, std::int64_t(24 * rate), true);
    engine.play();

    // Offline renders of the same session meanwhile (the renderer's own graph, never the live one).
    const auto folder = std::filesystem::temp_directory_path() / ("loopmind-jack-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    RenderJob job;
    job.sampleRate = rate;
    job.lengthInSamples = std::int64_t(30 * rate);
    job.tracks = session.tracks;
    job.mixer = session.layout;
    job.workers = ParallelPlanRunner::defaultWorkerCount();
    job.output.mixPath = folder / "mix.wav";
    AIAsyncRenderer renderer;
    int renders = 0;

    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // settle
    test::resetRealtimeViolations();
    const int xrunsBefore = device->getXRunCount();
    const auto c0 = engine.callbackCount();
    const auto t0 = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - t0 < std::chrono::duration<double>(seconds)) {
        if (!alone && !renderer.isRunning()) {
            if (renders > 0)
                renderer.waitForResult();
            renderer.start(job);
            ++renders;
        }
        engine.releaseRetiredSessions();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto c1 = engine.callbackCount();
    const auto t1 = std::chrono::steady_clock::now();
    const int xruns = device->getXRunCount() - xrunsBefore;
    const auto violations = test::realtimeViolations();
    engine.closeDevice();
    renderer.cancel();
    if (renders > 0)
        renderer.waitForResult();
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);

    const double expected = std::chrono::duration<double>(t1 - t0).count() * rate / 128.0;
    const auto seen = double(c1 - c0);
    const bool counted = test::realtimeChecksAvailable();
    std::printf("jack: %d tracks (EQ + compressor + reverb send each) through jackd (dummy, 48 kHz, 128 frames) for %.0f s, "
                "%d offline render(s) of 30 s alongside\n", tracks, seconds, renders);
    std::printf("  callbacks seen %.0f, expected %.1f; xruns %d; audio-thread allocations %ld, locks %ld%s\n", seen, expected, xruns,
                violations.allocations, violations.locks, counted ? "" : " (not counted in this build)");
    std::cout << nlohmann::json { { "seconds", seconds }, { "tracks", tracks }, { "xruns", xruns }, { "callbacks_expected", expected },
                                  { "callbacks_seen", seen }, { "audio_thread_allocations", violations.allocations },
                                  { "audio_thread_locks", violations.locks }, { "offline_renders", renders } }
                     .dump()
              << std::endl;
    return 0;
}
