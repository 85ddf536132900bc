#pragma once
// A ring buffer of one channel's past samples: sized once (allocate, off the audio thread), then read at whole-
// sample delays and written one sample at a time without allocating.
#include <algorithm>
#include <vector>

namespace loopmind::effects {

class DelayLine {
public:
    /** Holds delays of up to `maximumDelay` samples. Allocates. */
    void allocate(int maximumDelay)
    {
        buffer_.assign(size_t(std::max(1, maximumDelay) + 1), 0.0f);
        write_ = 0;
    }
    void clear()
    {
        std::fill(buffer_.begin(), buffer_.end(), 0.0f);
        write_ = 0;
    }
    int maximumDelay() const { return int(buffer_.size()) - 1; }

    /** The sample pushed `delay` pushes ago (1 = the latest), delay in [1, maximumDelay()]. */
    float read(int delay) const
    {
        const int size = int(buffer_.size());
        int index = write_ - delay;
        if (index < 0)
            index += size;
        return buffer_[size_t(index)];
    }
    /** Pushes x and returns the sample from maximumDelay() samples before it: a fixed delay. */
    float delayByMaximum(float x)
    {
        const float delayed = read(maximumDelay());
        push(x);
        return delayed;
    }
    void push(float x)
    {
        buffer_[size_t(write_)] = x;
        if (++write_ == int(buffer_.size()))
            write_ = 0;
    }

private:
    std::vector<float> buffer_ { 0.0f };
    int write_ = 0;
};

} // namespace loopmind::effects
