#pragma once
// Channels of an offline master are independent through the filters and the true-peak detector: each
// runs on its own thread. Every channel's result lands in its own slot and is combined afterwards in
// channel order, so the output is the same as a serial run, byte for byte.
#include <thread>
#include <vector>

namespace loopmind::mastering {

/** Runs perChannel(c) for c in [0, channels): channel 0 on the calling thread, the others on their own. */
template <typename Work>
void forEachChannel(int channels, Work&& perChannel)
{
    std::vector<std::thread> threads;
    for (int c = 1; c < channels; ++c)
        threads.emplace_back([&perChannel, c] { perChannel(c); });
    if (channels > 0)
        perChannel(0);
    for (auto& t : threads)
        t.join();
}

} // namespace loopmind::mastering
