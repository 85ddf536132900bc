// A real audio server: a private jackd with the dummy backend (48 kHz, 128-sample periods) plays 32 tracks
// through the AudioEngine for 20 s: nothing allocated or locked on the audio thread; xruns are printed, not asserted.
#include "Engine/AudioEngine.h"
#include "Support/EngineFixtures.h"
#include "Support/PrivateJackServer.h"
#include "Support/RealtimeChecks.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("32 tracks play through a real JACK server for 20 s with no allocation or lock on its thread", "[engine][jack]")
{
    AudioEngine engine(ParallelPlanRunner::defaultWorkerCount());
    std::string problem;
    const auto server = openJackEngine(engine, problem);
    if (!server) {
        WARN("SKIPPED: " << problem);
        return;
    }
    auto* device = engine.deviceManager().getCurrentAudioDevice();
    REQUIRE(device != nullptr);
    REQUIRE(device->getTypeName() == "JACK");
    REQUIRE(device->getCurrentSampleRate() == 48000);
    REQUIRE(device->getCurrentBufferSizeSamples() == 128);

    constexpr double seconds = 20.0;
    REQUIRE(engine.load(makeEngineTracks(32, 48000, 1.5, seconds + 5), std::int64_t((seconds + 5) * 48000)).ok());
    engine.setLoop(0, 48000 * 8, true);
    engine.play();
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // settle
    resetRealtimeViolations();
    const int xrunsBefore = device->getXRunCount();
    const auto c0 = engine.callbackCount();
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const auto c1 = engine.callbackCount();
    const auto t1 = std::chrono::steady_clock::now();
    const int xruns = device->getXRunCount() - xrunsBefore;
    const auto violations = realtimeViolations();
    const auto timing = engine.callbackTiming();
    const double peak = engine.masterMeter().takePeak();
    engine.closeDevice();

    const double expected = std::chrono::duration<double>(t1 - t0).count() * 48000.0 / 128.0;
    const double seen = double(c1 - c0);
    WARN("JACK: callbacks seen " << seen << ", expected " << expected << ", xruns " << xruns << ", peak " << peak
         << "; over budget " << timing.overBudget << " (longest " << timing.longestMicros << " us), late starts "
         << timing.lateStarts << " (longest gap " << timing.longestGapMicros << " us)");
    // The real-time proof is the allocation/lock counters below, on JACK's own thread. Xruns and lost periods are
    // timing figures: on a shared 2-core VM the dummy driver's own thread is sometimes descheduled (seen: 2 xruns
    // and up to 7 lost periods of 7,500 with the machine otherwise idle), and TSan slows everything several times
    // over. So they are printed above, not asserted (the project measures speed in loopmind_bench, not in tests);
    // the test asserts that JACK drove the engine all along.
    CHECK(seen > 0.9 * expected);
    CHECK(peak > 0.0);
    CHECK(timing.callbacks >= c1 - c0); // the device's callbacks are timed (counted since the engine opened)
    CHECK(timing.longestMicros > 0);
    if (realtimeChecksAvailable()) {
        CHECK(violations.allocations == 0);
        CHECK(violations.locks == 0);
    }
}
