#pragma once
// How far one offline stage has got through a buffer, so that the next stage can follow it on another
// thread chunk by chunk instead of waiting for the whole buffer: the producer publishes the number of
// samples it has finished, the consumer waits until the samples it needs are there. Offline threads only
// (the mastering step): waiting here blocks.
#include <atomic>
#include <cstdint>

namespace loopmind::mastering {

class ChunkProgress {
public:
    /** The first `samples` samples are finished (never decreases). */
    void publish(std::int64_t samples)
    {
        ready_.store(samples, std::memory_order_release);
        ready_.notify_all();
    }
    /** Blocks until at least `samples` are finished; returns how many are. */
    std::int64_t waitFor(std::int64_t samples) const
    {
        auto ready = ready_.load(std::memory_order_acquire);
        while (ready < samples) {
            ready_.wait(ready, std::memory_order_acquire);
            ready = ready_.load(std::memory_order_acquire);
        }
        return ready;
    }

private:
    std::atomic<std::int64_t> ready_ { 0 };
};

/** Waits for `samples` if there is a producer to wait for (null: the whole buffer is already there). */
inline void waitIfFollowing(const ChunkProgress* input, std::int64_t samples)
{
    if (input != nullptr)
        input->waitFor(samples);
}

} // namespace loopmind::mastering
