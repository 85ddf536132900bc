// A real audio server: a private jackd with the dummy backend (48 kHz, 128-sample periods) plays 32 tracks
// through the AudioEngine for 20 s: nothing allocated or locked on the audio thread; xruns are printed, not asserted.
#include "Engine/AudioEngine.h"
#include "Support/EngineFixtures.h"
#include "Support/RealtimeChecks.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;
using namespace loopmind;
using namespace loopmind::test;

namespace {
/** jackd as a child process with its own server name; killed when this goes out of scope. */
class PrivateJackServer {
public:
    PrivateJackServer(const std::string& name, bool realtime)
    {
        std::vector<std::string> args { "jackd", realtime ? "--realtime" : "--no-realtime", "-n", name, "-d", "dummy", "-r", "48000", "-p", "128" };
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        if (posix_spawnp(&pid_, "jackd", &actions, nullptr, argv.data(), environ) != 0)
            pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~PrivateJackServer()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
    }
    bool started() const { return pid_ > 0; }
    bool running() const { int status; return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == 0; }

private:
    pid_t pid_ = -1;
};
} // namespace

TEST_CASE("32 tracks play through a real JACK server for 20 s with no allocation or lock on its thread", "[engine][jack]")
{
    const auto serverName = "loopmind-test-" + std::to_string(::getpid());
    ::setenv("JACK_DEFAULT_SERVER", serverName.c_str(), 1);
    // Real-time scheduling where the machine allows it (as a studio runs JACK), else plain scheduling.
    auto server = std::make_unique<PrivateJackServer>(serverName, true);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (!server->running())
        server = std::make_unique<PrivateJackServer>(serverName, false);
    if (!server->started()) {
        WARN("SKIPPED: jackd could not be started (is jackd2 installed? ./setup.sh installs it)");
        return;
    }
    AudioEngine engine(ParallelPlanRunner::defaultWorkerCount());
    std::string problem = "not tried";
    for (int attempt = 0; attempt < 50 && server->running(); ++attempt) { // the server needs a moment to come up
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        problem = engine.openDevice("JACK", nullptr, 48000, 128);
        if (problem.empty())
            break;
    }
    if (!problem.empty()) {
        WARN("SKIPPED: jackd did not start or accept us: " << problem);
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
    const double peak = engine.masterMeter().takePeak();
    engine.closeDevice();

    const double expected = std::chrono::duration<double>(t1 - t0).count() * 48000.0 / 128.0;
    const double seen = double(c1 - c0);
    WARN("JACK: callbacks seen " << seen << ", expected " << expected << ", xruns " << xruns << ", peak " << peak);
    // The real-time proof is the allocation/lock counters below, on JACK's own thread. Xruns and lost periods are
    // timing figures: on a shared 2-core VM the dummy driver's own thread is sometimes descheduled (seen: 2 xruns
    // and up to 7 lost periods of 7,500 with the machine otherwise idle), and TSan slows everything several times
    // over. So they are printed above, not asserted (the project measures speed in loopmind_bench, not in tests);
    // the test asserts that JACK drove the engine all along.
    CHECK(seen > 0.9 * expected);
    CHECK(peak > 0.0);
    if (realtimeChecksAvailable()) {
        CHECK(violations.allocations == 0);
        CHECK(violations.locks == 0);
    }
}
