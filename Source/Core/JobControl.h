#pragma once
// Shared between a long job and whoever watches it: progress (0..1) and a cancel request. Lock-free.
#include <atomic>

namespace loopmind {

struct JobControl {
    std::atomic<bool> cancelRequested { false };
    std::atomic<double> progress { 0.0 };

    bool cancelled() const { return cancelRequested.load(std::memory_order_relaxed); }
    void requestCancel() { cancelRequested.store(true); }
};

} // namespace loopmind
