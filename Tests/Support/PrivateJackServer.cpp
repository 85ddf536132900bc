#include "Support/PrivateJackServer.h"
#include "Engine/AudioEngine.h"
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace loopmind::test {

PrivateJackServer::PrivateJackServer(const std::string& name, bool realtime, int period)
{
    std::vector<std::string> args { "jackd", realtime ? "--realtime" : "--no-realtime", "-n", name, "-d", "dummy", "-r", "48000", "-p", std::to_string(period) };
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

PrivateJackServer::~PrivateJackServer()
{
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
}

bool PrivateJackServer::running() const
{
    int status;
    return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == 0;
}

std::unique_ptr<PrivateJackServer> openJackEngine(AudioEngine& engine, std::string& problem, int period)
{
    const auto serverName = "loopmind-" + std::to_string(::getpid());
    ::setenv("JACK_DEFAULT_SERVER", serverName.c_str(), 1);
    auto server = std::make_unique<PrivateJackServer>(serverName, true, period);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (!server->running())
        server = std::make_unique<PrivateJackServer>(serverName, false, period);
    if (!server->started()) {
        problem = "jackd could not be started (is jackd2 installed? ./setup.sh installs it)";
        return nullptr;
    }
    problem = "not tried";
    for (int attempt = 0; attempt < 50 && server->running(); ++attempt) { // the server needs a moment to come up
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        problem = engine.openDevice("JACK", nullptr, 48000, period);
        if (problem.empty())
            return server;
    }
    problem = "jackd did not start or accept us: " + problem;
    return nullptr;
}

} // namespace loopmind::test
