#pragma once
// Offline work spread over a few threads: every index in [0, count) is handed out once, in order, from a shared
// counter, and the calling thread works too. Each index writes only its own result slot, and results are combined
// in index order afterwards, so the outcome is the same as a serial loop's, whatever the timing. Never on the audio
// thread or the engine's workers (this starts threads).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace loopmind {

/** Calls work(i) for every i in [0, count), on at most `threads` threads including this one. */
template <typename Work>
void parallelFor(std::size_t count, std::size_t threads, Work&& work)
{
    std::atomic<std::size_t> next { 0 };
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < count;)
            work(i);
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < std::min(threads, count); ++t)
        helpers.emplace_back(worker);
    worker();
    for (auto& h : helpers)
        h.join();
}

/** The machine's core count (at least 1): the usual `threads` for parallelFor. */
inline std::size_t coreCount() { return std::max(1u, std::thread::hardware_concurrency()); }

} // namespace loopmind
