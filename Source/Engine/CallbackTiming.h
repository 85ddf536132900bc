#pragma once
// How the audio callbacks keep time, as a DAW's CPU meter shows it: how long the engine's own processing takes
// against the block's budget (numSamples / rate), and how far apart the callbacks start. A device xrun with every
// callback inside its budget is the system waking the audio thread late (the gap), not the engine being slow.
// Audio thread: begin()/end() read a monotonic clock (vDSO, no system call) and update atomics. Any thread: read.
#include <atomic>
#include <cstdint>

namespace loopmind {

struct CallbackTimingFigures {
    std::int64_t callbacks = 0;
    std::int64_t overBudget = 0;    // callbacks whose processing took longer than their block lasts
    double longestMicros = 0;       // the longest processing of one callback
    double longestBudgetMicros = 0; // that callback's budget
    double longestGapMicros = 0;    // the longest time from one callback's start to the next one's
    std::int64_t lateStarts = 0;    // callbacks that started more than one block's duration late
    float load = 0;                 // processing time over budget, smoothed over ~0.3 s of callbacks (the CPU meter)
};

class CallbackTiming {
public:
    /** Audio thread, at the start of a callback: returns the start time to give to end(). */
    std::int64_t begin();
    /** Audio thread, at the end of the callback that began at `start` with this block. */
    void end(std::int64_t start, int numSamples, double sampleRate);
    /** Any thread: start counting afresh (taken at the next callback). */
    void reset() { resetRequested_.store(true, std::memory_order_release); }
    CallbackTimingFigures figures() const;

private:
    static std::int64_t nowNanos();
    std::atomic<bool> resetRequested_ { false };
    std::int64_t previousStart_ = 0; // audio thread only
    std::int64_t previousBudget_ = 0;
    std::atomic<std::int64_t> callbacks_ { 0 }, overBudget_ { 0 }, lateStarts_ { 0 };
    std::atomic<float> load_ { 0 };
    std::atomic<std::int64_t> longestNanos_ { 0 }, longestBudgetNanos_ { 0 }, longestGapNanos_ { 0 };
};

} // namespace loopmind
