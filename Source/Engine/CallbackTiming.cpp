#include "Engine/CallbackTiming.h"
#include <algorithm>
#include <ctime>

namespace loopmind {

std::int64_t CallbackTiming::nowNanos()
{
    timespec t {};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

std::int64_t CallbackTiming::begin()
{
    const auto start = nowNanos();
    if (resetRequested_.exchange(false, std::memory_order_acq_rel)) {
        callbacks_.store(0, std::memory_order_relaxed);
        overBudget_.store(0, std::memory_order_relaxed);
        lateStarts_.store(0, std::memory_order_relaxed);
        longestNanos_.store(0, std::memory_order_relaxed);
        longestBudgetNanos_.store(0, std::memory_order_relaxed);
        longestGapNanos_.store(0, std::memory_order_relaxed);
        load_.store(0, std::memory_order_relaxed);
        previousStart_ = 0;
    }
    if (previousStart_ != 0) {
        const auto gap = start - previousStart_;
        if (gap > longestGapNanos_.load(std::memory_order_relaxed))
            longestGapNanos_.store(gap, std::memory_order_relaxed);
        // The device asks for the next block one block after the last: late by more than a whole block is a start
        // the system delayed (a device that buffers more may still not drop out).
        if (previousBudget_ > 0 && gap > 2 * previousBudget_)
            lateStarts_.fetch_add(1, std::memory_order_relaxed);
    }
    previousStart_ = start;
    return start;
}

void CallbackTiming::end(std::int64_t start, int numSamples, double sampleRate)
{
    const auto took = nowNanos() - start;
    const auto budget = sampleRate > 0 ? std::int64_t(double(numSamples) * 1e9 / sampleRate) : 0;
    previousBudget_ = budget;
    callbacks_.fetch_add(1, std::memory_order_relaxed);
    if (budget > 0) {
        if (took > budget)
            overBudget_.fetch_add(1, std::memory_order_relaxed);
        // One-pole smoothing with a time constant of ~0.3 s whatever the block size, as a meter reads.
        const float share = float(double(took) / double(budget));
        const float weight = float(std::min(1.0, double(budget) / 0.3e9));
        const float previous = load_.load(std::memory_order_relaxed);
        load_.store(previous + weight * (share - previous), std::memory_order_relaxed);
    }
    if (took > longestNanos_.load(std::memory_order_relaxed)) {
        longestNanos_.store(took, std::memory_order_relaxed);
        longestBudgetNanos_.store(budget, std::memory_order_relaxed);
    }
}

CallbackTimingFigures CallbackTiming::figures() const
{
    CallbackTimingFigures f;
    f.callbacks = callbacks_.load(std::memory_order_relaxed);
    f.overBudget = overBudget_.load(std::memory_order_relaxed);
    f.lateStarts = lateStarts_.load(std::memory_order_relaxed);
    f.load = load_.load(std::memory_order_relaxed);
    f.longestMicros = double(longestNanos_.load(std::memory_order_relaxed)) / 1000.0;
    f.longestBudgetMicros = double(longestBudgetNanos_.load(std::memory_order_relaxed)) / 1000.0;
    f.longestGapMicros = double(longestGapNanos_.load(std::memory_order_relaxed)) / 1000.0;
    return f;
}

} // namespace loopmind
