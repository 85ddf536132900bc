#include "Mastering/TruePeakLimiter.h"
#include "Core/HugePages.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
namespace {
// A depth this small is a gain that rounds to 1.0f: set it to exactly zero so the release ends
// (instead of decaying through denormals) and unlimited stretches stay exact.
constexpr double negligibleDepth = 1e-9;

/** Sliding maximum over the last `width` values pushed (a monotonic queue in a power-of-two ring). */
class SlidingMaximum {
public:
    explicit SlidingMaximum(int width) : width_(width)
    {
        size_t capacity = 1;
        while (capacity < size_t(width) + 1)
            capacity *= 2;
        mask_ = capacity - 1;
        values_.resize(capacity);
        indices_.resize(capacity);
    }

    /** Pushes value (index increases by one per call) and returns the maximum over the window. Zeros are
        never stored (an empty queue means 0): unlimited stretches cost a comparison or two per sample. */
    double push(long index, double value)
    {
        if (count_ > 0 && indices_[front_] <= index - width_) { // the oldest leaves the window
            front_ = (front_ + 1) & mask_;
            --count_;
        }
        if (value > 0.0) {
            while (count_ > 0 && values_[(front_ + count_ - 1) & mask_] <= value)
                --count_;
            const size_t slot = (front_ + count_) & mask_;
            values_[slot] = value;
            indices_[slot] = index;
            ++count_;
        }
        return count_ > 0 ? values_[front_] : 0.0;
    }

private:
    long width_;
    size_t mask_ = 0;
    std::vector<double> values_;
    std::vector<long> indices_;
    size_t front_ = 0, count_ = 0;
};

/** Running mean over the last `length` values, with zeros before the first. */
class MovingAverage {
public:
    explicit MovingAverage(int length) : ring_(size_t(length), 0.0), scale_(1.0 / double(length)) {}
    double push(double value)
    {
        sum_ += value - ring_[at_];
        ring_[at_] = value;
        at_ = at_ + 1 == ring_.size() ? 0 : at_ + 1;
        return std::max(0.0, sum_) * scale_;
    }

private:
    std::vector<double> ring_;
    double scale_;
    size_t at_ = 0;
    double sum_ = 0;
};
} // namespace

TruePeakLimiter::TruePeakLimiter(double sampleRate, double lookaheadMs, double releaseMs)
    : half_(std::max(1, int(std::lround(lookaheadMs * 0.001 * sampleRate / 2.0)))),
      decay_(std::exp(-1.0 / (releaseMs * 0.001 * sampleRate)))
{
}

void TruePeakLimiter::gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear,
                                std::vector<float>& gain) const
{
    const long n = long(envelope.size());
    const int window = latencySamples(); // the two averages together span this many samples
    if (gain.capacity() < size_t(n))
        reserveWithHugePages(gain, size_t(n));
    gain.resize(size_t(n));
    // Depth needed at sample i: 1 - ceiling / peak where the peak is over the ceiling, else 0.
    const double threshold = ceilingLinear / inputGain; // envelope values above this need limiting
    SlidingMaximum held(window);
    MovingAverage first(half_), second(half_);
    double depth = 0;
    // Step j looks at sample j; its smoothed depth belongs to output sample j - (window - 1): the gain
    // falls over the `window` samples before each peak and is fully down when the peak arrives.
    for (long j = 0; j < n + window - 1; ++j) {
        double needed = 0;
        if (j < n && double(envelope[size_t(j)]) > threshold)
            needed = 1.0 - ceilingLinear / (double(envelope[size_t(j)]) * inputGain);
        const double peakDepth = held.push(j, needed);
        depth = std::max(peakDepth, depth * decay_); // release: the reduction shrinks, never below what peaks need
        if (depth < negligibleDepth)
            depth = 0;
        const double smoothed = second.push(first.push(depth));
        if (j >= window - 1)
            gain[size_t(j - (window - 1))] = float(1.0 - smoothed);
    }
}

std::vector<float> TruePeakLimiter::gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear,
                                              LimiterStats& stats) const
{
    std::vector<float> gain;
    gainCurve(envelope, inputGain, ceilingLinear, gain);
    stats = statistics(gain);
    return gain;
}

LimiterStats TruePeakLimiter::statistics(const std::vector<float>& gain)
{
    // The mean of -20 log10(g) is -20 log10 of the product of the gains over the length: products of up
    // to 64 gains (each above 2^-16, so no underflow) cost one logarithm instead of 64.
    LimiterStats stats;
    float deepest = 1.0f;
    double reductionSum = 0, product = 1.0;
    int inProduct = 0;
    for (float g : gain) {
        if (g >= 1.0f)
            continue;
        deepest = std::min(deepest, g);
        product *= double(std::max(g, 1.0f / 65536.0f));
        if (++inProduct == 64) {
            reductionSum -= 20.0 * std::log10(product);
            product = 1.0;
            inProduct = 0;
        }
    }
    reductionSum -= 20.0 * std::log10(product);
    stats.maxReductionDb = deepest < 1.0f ? -20.0 * std::log10(double(deepest)) : 0.0;
    stats.meanReductionDb = gain.empty() ? 0.0 : reductionSum / double(gain.size());
    return stats;
}

} // namespace loopmind::mastering
