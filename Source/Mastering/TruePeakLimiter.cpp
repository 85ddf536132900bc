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

struct LimiterCurve::State {
    State(const TruePeakLimiter& limiter, EnvelopeReader reader, int readLength, std::int64_t length, double inputGain,
          double ceilingLinear)
        : envelope(std::move(reader)), block(size_t(std::max(readLength, 1))), n(length), window(limiter.latencySamples()),
          decay(limiter.decay_), gain(inputGain), ceiling(ceilingLinear), threshold(ceilingLinear / inputGain), held(window),
          first(limiter.half_), second(limiter.half_)
    {
    }

    /** The envelope's value at sample j (< n), reading the next stretch when j leaves the one in hand. */
    double envelopeAt(std::int64_t j)
    {
        if (j < blockStart || j >= blockEnd) {
            blockStart = j - j % std::int64_t(block.size());
            blockEnd = std::min(blockStart + std::int64_t(block.size()), n);
            envelope(blockStart, int(blockEnd - blockStart), block.data());
        }
        return double(block[size_t(j - blockStart)]);
    }

    EnvelopeReader envelope;
    std::vector<float> block;
    std::int64_t blockStart = 0, blockEnd = 0, n, j = 0, produced = 0; // [blockStart, blockEnd): the envelope in hand
    int window;
    double decay, gain, ceiling, threshold; // threshold: envelope values above it need limiting
    SlidingMaximum held;
    MovingAverage first, second;
    double depth = 0;
    LimiterStatsAccumulator stats;
};

LimiterCurve::LimiterCurve() = default;
LimiterCurve::LimiterCurve(const TruePeakLimiter& limiter, EnvelopeReader envelope, int readLength, std::int64_t length,
                           double inputGain, double ceilingLinear)
    : state_(std::make_unique<State>(limiter, std::move(envelope), readLength, length, inputGain, ceilingLinear))
{
}
LimiterCurve::LimiterCurve(LimiterCurve&&) noexcept = default;
LimiterCurve& LimiterCurve::operator=(LimiterCurve&&) noexcept = default;
LimiterCurve::~LimiterCurve() = default;

bool LimiterCurve::next(float* out, int count)
{
    if (state_ == nullptr)
        return false;
    auto& s = *state_;
    // Step j looks at sample j; its smoothed depth belongs to output sample j - (window - 1): the gain
    // falls over the `window` samples before each peak and is fully down when the peak arrives.
    const std::int64_t end = std::min(s.produced + count, s.n);
    bool reduced = false;
    for (; s.j - (s.window - 1) < end; ++s.j) {
        double needed = 0;
        if (s.j < s.n) {
            const double value = s.envelopeAt(s.j);
            if (value > s.threshold)
                needed = 1.0 - s.ceiling / (value * s.gain);
        }
        const double peakDepth = s.held.push(long(s.j), needed);
        s.depth = std::max(peakDepth, s.depth * s.decay); // release: the reduction shrinks, never below what peaks need
        if (s.depth < negligibleDepth)
            s.depth = 0;
        const double smoothed = s.second.push(s.first.push(s.depth));
        if (s.j >= s.window - 1) {
            const float g = float(1.0 - smoothed);
            out[s.j - (s.window - 1) - s.produced] = g;
            reduced = reduced || g < 1.0f;
        }
    }
    const int made = int(end - s.produced);
    s.stats.add(out, made);
    s.produced = end;
    return reduced;
}

LimiterStats LimiterCurve::statistics() const
{
    return state_ ? state_->stats.result(state_->n) : LimiterStats {};
}

TruePeakLimiter::TruePeakLimiter(double sampleRate, double lookaheadMs, double releaseMs)
    : half_(std::max(1, int(std::lround(lookaheadMs * 0.001 * sampleRate / 2.0)))),
      decay_(std::exp(-1.0 / (releaseMs * 0.001 * sampleRate)))
{
}

void TruePeakLimiter::gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear,
                                std::vector<float>& gain) const
{
    const auto n = std::int64_t(envelope.size());
    if (gain.capacity() < size_t(n))
        reserveWithHugePages(gain, size_t(n));
    gain.resize(size_t(n));
    constexpr int readLength = 4096;
    LimiterCurve curve(*this, [&envelope](std::int64_t start, int count, float* out) {
        std::copy(envelope.begin() + start, envelope.begin() + start + count, out);
    }, readLength, n, inputGain, ceilingLinear);
    curve.next(gain.data(), int(n));
}

std::vector<float> TruePeakLimiter::gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear,
                                              LimiterStats& stats) const
{
    std::vector<float> gain;
    gainCurve(envelope, inputGain, ceilingLinear, gain);
    stats = statistics(gain);
    return gain;
}

void LimiterStatsAccumulator::add(const float* gain, int count)
{
    // The mean of -20 log10(g) is -20 log10 of the product of the gains over the length: products of up
    // to 64 gains (each above 2^-16, so no underflow) cost one logarithm instead of 64.
    for (int i = 0; i < count; ++i) {
        const float g = gain[i];
        if (g >= 1.0f)
            continue;
        deepest_ = std::min(deepest_, g);
        product_ *= double(std::max(g, 1.0f / 65536.0f));
        if (++inProduct_ == 64) {
            reductionSum_ -= 20.0 * std::log10(product_);
            product_ = 1.0;
            inProduct_ = 0;
        }
    }
}

LimiterStats LimiterStatsAccumulator::result(std::int64_t length) const
{
    LimiterStats stats;
    const double sum = reductionSum_ - 20.0 * std::log10(product_);
    stats.maxReductionDb = deepest_ < 1.0f ? -20.0 * std::log10(double(deepest_)) : 0.0;
    stats.meanReductionDb = length <= 0 ? 0.0 : sum / double(length);
    return stats;
}

LimiterStats TruePeakLimiter::statistics(const std::vector<float>& gain)
{
    LimiterStatsAccumulator stats;
    stats.add(gain.data(), int(gain.size()));
    return stats.result(std::int64_t(gain.size()));
}

} // namespace loopmind::mastering
