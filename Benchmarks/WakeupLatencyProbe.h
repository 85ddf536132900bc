#pragma once
// The machine's own scheduling latency, measured beside the soak (as rt-tests' cyclictest does): a thread at the
// audio thread's real-time priority sleeps 1 ms at a time to absolute deadlines and records how late it wakes.
// A device xrun while every callback kept its budget, with wake-ups here as late as a period, is the machine's.
#include <atomic>
#include <cstdint>
#include <thread>

namespace loopmind::bench {

class WakeupLatencyProbe {
public:
    explicit WakeupLatencyProbe(int realtimePriority);
    ~WakeupLatencyProbe();
    WakeupLatencyProbe(const WakeupLatencyProbe&) = delete;
    WakeupLatencyProbe& operator=(const WakeupLatencyProbe&) = delete;

    double longestMicros() const { return double(longestNanos_.load()) / 1000.0; }
    /** Wake-ups over 1 ms late since the last reset: each would have cost a 48 kHz / 128-frame device its period. */
    std::int64_t wakeupsOverOneMsLate() const { return over1ms_.load(); }
    bool realtime() const { return realtime_.load(); }

private:
    void run(int realtimePriority);
    std::atomic<bool> quit_ { false }, realtime_ { false };
    std::atomic<std::int64_t> longestNanos_ { 0 }, over1ms_ { 0 };
    std::thread thread_;
};

} // namespace loopmind::bench
