#pragma once
// Channels of an offline master are independent through the filters and the true-peak detector: each
// runs on its own thread. Every channel's result lands in its own slot and is combined afterwards in
// channel order, so the output is the same as a serial run, byte for byte.
#include <thread>
#include <vector>

namespace loopmind::mastering {

/** Runs work(k) for k in [0, count): 0 on the calling thread, the others on threads of their own. */
template <typename Work>
void inParallel(int count, Work&& work)
{
    std::vector<std::thread> threads;
    for (int k = 1; k < count; ++k)
        threads.emplace_back([&work, k] { work(k); });
    if (count > 0)
        work(0);
    for (auto& t : threads)
        t.join();
}

/** Runs perChannel(c) for every channel c, in parallel. */
template <typename Work>
void forEachChannel(int channels, Work&& perChannel)
{
    inParallel(channels, perChannel);
}

} // namespace loopmind::mastering
