#include "App/Recovery.h"
#include <csignal>
#include <cstdlib>

namespace loopmind {
namespace {
std::atomic<bool> terminationFlag { false };
extern "C" void onTermination(int) { terminationFlag.store(true); } // lock-free store: async-signal-safe
} // namespace

void installTerminationHandlers()
{
    struct sigaction action {};
    action.sa_handler = onTermination;
    sigemptyset(&action.sa_mask);
    for (int signal : { SIGTERM, SIGINT, SIGHUP })
        sigaction(signal, &action, nullptr);
}

bool terminationRequested() { return terminationFlag.load(); }

double autosaveSeconds()
{
    const char* v = std::getenv("LOOPMIND_AUTOSAVE_SECONDS");
    const double s = v != nullptr ? std::atof(v) : 0.0;
    return s > 0 ? s : 30.0;
}

juce::File recoveryFileIn(const juce::File& settingsFolder) { return settingsFolder.getChildFile("recovery.loopmind"); }

} // namespace loopmind
