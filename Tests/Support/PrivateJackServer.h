#pragma once
// jackd as a child process with its own server name (dummy backend, 48 kHz, 128-sample periods unless asked), for the JACK
// test and `loopmind_bench jack`; killed when this goes out of scope. openJackEngine starts one (real-time
// scheduling where the machine allows it, else plain) and opens the engine on it.
#include <memory>
#include <string>
#include <sys/types.h>

namespace loopmind {
class AudioEngine;
}

namespace loopmind::test {

class PrivateJackServer {
public:
    PrivateJackServer(const std::string& name, bool realtime, int period = 128);
    ~PrivateJackServer();
    PrivateJackServer(const PrivateJackServer&) = delete;
    PrivateJackServer& operator=(const PrivateJackServer&) = delete;
    bool started() const { return pid_ > 0; }
    bool running() const;

private:
    pid_t pid_ = -1;
};

/** Starts a private server and opens `engine` on it at 48 kHz / `period`; on failure `problem` says why. */
std::unique_ptr<PrivateJackServer> openJackEngine(AudioEngine& engine, std::string& problem, int period = 128);

} // namespace loopmind::test
