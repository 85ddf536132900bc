#pragma once
// Runs a helper program and reads what it prints, line by line, with a time limit on silence: a helper that
// prints nothing for `idleLimitSeconds` is killed (it hangs). How it ended is reported exactly (exit code or the
// signal that killed it), which is what the plug-in scanner needs to blacklist a plug-in that crashed or hung.
#include <functional>
#include <string>
#include <vector>

namespace loopmind::plugins {

struct ChildOutcome {
    bool started = false;
    bool timedOut = false; // killed by us after the idle limit
    int exitCode = -1;     // when it exited
    int signal = 0;        // when a signal killed it (other than our kill on time-out)
    std::string errorText; // the last of what it wrote to stderr (a few KiB)
    std::string describe() const; // "exited with code 3", "crashed (signal 11, Segmentation fault)", ...
};

/** argv[0] is the program's path. onLine gets each complete stdout line as it arrives. */
ChildOutcome runWithIdleLimit(const std::vector<std::string>& argv, double idleLimitSeconds,
                              const std::function<void(const std::string& line)>& onLine);

} // namespace loopmind::plugins
