#include "WakeupLatencyProbe.h"
#include <ctime>
#include <pthread.h>
#include <sched.h>

namespace loopmind::bench {
namespace {
std::int64_t toNanos(const timespec& t) { return std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec; }
timespec fromNanos(std::int64_t n) { return timespec { time_t(n / 1000000000), long(n % 1000000000) }; }
} // namespace

WakeupLatencyProbe::WakeupLatencyProbe(int realtimePriority)
    : thread_([this, realtimePriority] { run(realtimePriority); })
{
}

WakeupLatencyProbe::~WakeupLatencyProbe()
{
    quit_.store(true);
    thread_.join();
}

void WakeupLatencyProbe::run(int realtimePriority)
{
    sched_param param {};
    param.sched_priority = realtimePriority;
    realtime_.store(realtimePriority > 0 && pthread_setschedparam(pthread_self(), SCHED_FIFO, &param) == 0);
    constexpr std::int64_t interval = 1000000; // 1 ms
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::int64_t deadline = toNanos(now);
    while (!quit_.load(std::memory_order_relaxed)) {
        deadline += interval;
        const auto wake = fromNanos(deadline);
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, nullptr);
        clock_gettime(CLOCK_MONOTONIC, &now);
        const auto late = toNanos(now) - deadline;
        if (late > longestNanos_.load(std::memory_order_relaxed))
            longestNanos_.store(late, std::memory_order_relaxed);
        if (late > 1000000)
            over1ms_.fetch_add(1, std::memory_order_relaxed);
        if (late > interval) // after a long stall, carry on from now rather than firing a burst of missed deadlines
            deadline = toNanos(now);
    }
}

} // namespace loopmind::bench
