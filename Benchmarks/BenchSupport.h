// Small helpers every benchmark shares: wall and CPU clocks, peak memory, and the command table.
#pragma once
#include <chrono>
#include <sys/resource.h>

namespace loopmind::bench {

inline double wallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// User + system CPU time of this process, all threads.
inline double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

inline double peakRssMiB()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

} // namespace loopmind::bench

// One entry point per `loopmind_bench <name>`; each prints figures and ends with one JSON line.
int runRenderBench(int argc, char** argv);
int runEngineBench(int argc, char** argv);
int runMasterBench(int argc, char** argv);
int runAnalyseBench(int argc, char** argv);
int runArrangeBench(int argc, char** argv);
int runJackBench(int argc, char** argv);
int runSoakBench(int argc, char** argv);
