#include "Mastering/TruePeakDetector.h"
#include "Core/ParallelFor.h"
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace loopmind::mastering {
namespace {
constexpr int taps = 16;             // per phase: the interpolated point sees 8 samples on each side
constexpr int before = taps / 2 - 1; // x[n-7] .. x[n+8] for a point between n and n+1
constexpr int blockLength = 1024;    // samples interpolated together: the working set stays in L1
constexpr double pi = 3.14159265358979323846;

double besselI0(double x)
{
    // Power series: converges quickly for the window's arguments (x <= beta).
    double sum = 1, term = 1;
    for (int k = 1; k < 30; ++k) {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
    }
    return sum;
}

using Phase = std::array<float, taps>;

/** Kaiser-windowed sinc at full band (phases 1..3 of 4; phase 0 is the sample itself). */
struct Interpolator {
    std::array<Phase, truePeakOversampling - 1> phases {};
    float gainBound = 0; // the largest sum of |taps| of a phase: |interpolated| <= gainBound x max |x| around it

    Interpolator()
    {
        constexpr double beta = 6.0, halfWidth = taps / 2.0;
        for (int p = 1; p < truePeakOversampling; ++p) {
            const double f = double(p) / truePeakOversampling;
            double sumAbs = 0;
            for (int t = 0; t < taps; ++t) {
                const double u = f - double(t - before); // distance from x[n + t - before] to the point n + f
                const double sinc = std::sin(pi * u) / (pi * u);
                const double r = u / halfWidth;
                const double window = r * r < 1.0 ? besselI0(beta * std::sqrt(1.0 - r * r)) / besselI0(beta) : 0.0;
                phases[size_t(p - 1)][size_t(t)] = float(sinc * window);
                sumAbs += std::abs(double(phases[size_t(p - 1)][size_t(t)]));
            }
            gainBound = std::max(gainBound, float(sumAbs * (1.0 + 1e-5))); // margin for float rounding in the sums
        }
    }

    /** between[i] = largest |interpolated point| strictly between x[start + i] and x[start + i + 1], i < count. */
    void betweenPeaks(const float* x, int n, int start, int count, float* between) const
    {
        alignas(32) float window[blockLength + taps]; // window[k] = x[start - before + k], zero outside the signal
        const int first = start - before, length = count + taps;
        if (first >= 0 && first + length <= n)
            std::memcpy(window, x + first, sizeof(float) * size_t(length));
        else
            for (int k = 0; k < length; ++k)
                window[k] = (first + k >= 0 && first + k < n) ? x[first + k] : 0.0f;
        alignas(32) float acc[blockLength];
        std::fill(between, between + count, 0.0f);
        for (const auto& h : phases) {
            std::fill(acc, acc + count, 0.0f);
            for (int t = 0; t < taps; ++t) { // the same order of sums per point as a direct dot product
                const float c = h[size_t(t)];
                const float* w = window + t;
                for (int i = 0; i < count; ++i)
                    acc[i] += c * w[i];
            }
            for (int i = 0; i < count; ++i)
                between[i] = std::max(between[i], std::abs(acc[i]));
        }
    }
};

const Interpolator& interpolator()
{
    static const Interpolator instance;
    return instance;
}

/** max |x[i]| for i in [max(from, 0), to). Four SSE lanes (x86-64 always has them): a maximum is exact in any order. */
float largestMagnitude(const float* x, int from, int to)
{
    int i = std::max(from, 0);
    float m = 0;
#if defined(__SSE__)
    const __m128 signBit = _mm_set1_ps(-0.0f);
    __m128 lanes = _mm_setzero_ps();
    for (; i + 4 <= to; i += 4)
        lanes = _mm_max_ps(lanes, _mm_andnot_ps(signBit, _mm_loadu_ps(x + i)));
    alignas(16) float parts[4];
    _mm_store_ps(parts, lanes);
    m = std::max({ parts[0], parts[1], parts[2], parts[3] });
#endif
    for (; i < to; ++i)
        m = std::max(m, std::abs(x[i]));
    return m;
}

/** One channel's envelope: max(|x[i]|, the interpolated peaks just before and just after i). */
void channelEnvelope(const float* x, int n, std::vector<float>& envelope)
{
    const auto& interp = interpolator();
    envelope.assign(size_t(n), 0.0f);
    float between[blockLength];
    float previous = 0; // the peak between the last sample of the previous block and the first of this one
    for (int start = 0; start < n; start += blockLength) {
        const int count = std::min(blockLength, n - start);
        interp.betweenPeaks(x, n, start, count, between);
        float* e = envelope.data() + start;
        e[0] = std::max({ std::abs(x[start]), between[0], previous });
        for (int i = 1; i < count; ++i)
            e[i] = std::max({ std::abs(x[start + i]), between[i], between[i - 1] });
        previous = between[count - 1];
    }
}

/** Max-accumulates one channel's envelope over the block [start, start + count) into e (same values as channelEnvelope). */
void accumulateBlockEnvelope(const float* x, int n, int start, int count, float* e)
{
    const auto& interp = interpolator();
    float between[blockLength], previous = 0; // previous: the point between x[start - 1] and x[start]
    interp.betweenPeaks(x, n, start, count, between);
    if (start > 0)
        interp.betweenPeaks(x, n, start - 1, 1, &previous);
    e[0] = std::max({ e[0], std::abs(x[start]), between[0], previous });
    for (int i = 1; i < count; ++i)
        e[i] = std::max({ e[i], std::abs(x[start + i]), between[i], between[i - 1] });
}

/** The largest value of channelEnvelope, interpolating only blocks that could hold a larger peak. */
float channelPeak(const float* x, int n)
{
    const auto& interp = interpolator();
    float best = 0, between[blockLength];
    for (int start = 0; start < n; start += blockLength) {
        const int count = std::min(blockLength, n - start);
        best = std::max(best, largestMagnitude(x, start, start + count));
        // Every input the block's interpolated points use: x[start - before] .. x[start + count + taps - before - 1].
        const float reach = largestMagnitude(x, start - before, std::min(n, start + count + taps - before));
        if (reach * interp.gainBound <= best)
            continue;
        interp.betweenPeaks(x, n, start, count, between);
        best = std::max(best, largestMagnitude(between, 0, count));
    }
    return best;
}

} // namespace

std::vector<float> truePeakEnvelope(const juce::AudioBuffer<float>& audio)
{
    // Channels are independent: each on its own thread, then the loudest of them per sample (same result as serially).
    const int n = std::max(audio.getNumSamples(), 0), channels = std::max(audio.getNumChannels(), 0);
    std::vector<std::vector<float>> perChannel(static_cast<size_t>(channels));
    parallelFor(size_t(channels), size_t(channels), [&](size_t c) { channelEnvelope(audio.getReadPointer(int(c)), n, perChannel[c]); });
    if (channels == 0)
        return std::vector<float>(size_t(n), 0.0f);
    auto envelope = std::move(perChannel[0]);
    for (int c = 1; c < channels; ++c)
        for (int i = 0; i < n; ++i)
            envelope[size_t(i)] = std::max(envelope[size_t(i)], perChannel[size_t(c)][size_t(i)]);
    return envelope;
}

double truePeak(const juce::AudioBuffer<float>& audio, bool channelsInParallel)
{
    const int n = std::max(audio.getNumSamples(), 0), channels = std::max(audio.getNumChannels(), 0);
    std::vector<float> peaks(size_t(channels), 0.0f);
    parallelFor(size_t(channels), channelsInParallel ? size_t(channels) : 1,
                [&](size_t c) { peaks[c] = channelPeak(audio.getReadPointer(int(c)), n); });
    return peaks.empty() ? 0.0 : double(*std::max_element(peaks.begin(), peaks.end()));
}

TruePeakEnvelope::TruePeakEnvelope(const juce::AudioBuffer<float>& audio) : audio_(audio)
{
    static_assert(blockSamples == blockLength);
    const int n = std::max(audio.getNumSamples(), 0), blocks = (n + blockLength - 1) / blockLength;
    const float gainBound = interpolator().gainBound;
    bounds_ = std::make_unique<std::atomic<float>[]>(size_t(blocks));
    std::vector<float> samplePeaks(size_t(blocks), 0.0f);
    for (int b = 0; b < blocks; ++b) {
        const int start = b * blockLength, count = std::min(blockLength, n - start);
        float bound = 0;
        for (int c = 0; c < audio.getNumChannels(); ++c) {
            const float* x = audio.getReadPointer(c);
            // Every input of the block's interpolated points, including the one just before its first sample.
            const float reach = largestMagnitude(x, start - before - 1, std::min(n, start + count + taps - before));
            bound = std::max({ bound, reach, reach * gainBound });
            samplePeaks[size_t(b)] = std::max(samplePeaks[size_t(b)], largestMagnitude(x, start, start + count));
        }
        bounds_[size_t(b)].store(bound, std::memory_order_relaxed);
    }
    // The sample peak is a lower bound of the true peak: only blocks whose bound is above it can hold a larger value.
    const float samplePeak = samplePeaks.empty() ? 0.0f : *std::max_element(samplePeaks.begin(), samplePeaks.end());
    std::vector<int> todo;
    for (int b = 0; b < blocks; ++b)
        if (bounds_[size_t(b)].load(std::memory_order_relaxed) > samplePeak)
            todo.push_back(b);
    std::vector<float> largest(todo.size(), 0.0f);
    parallelFor(todo.size(), 2, [&](size_t k) {
        float values[blockLength];
        largest[k] = exactBlock(todo[k], values);
    });
    peak_ = double(largest.empty() ? samplePeak : std::max(samplePeak, *std::max_element(largest.begin(), largest.end())));
}

float TruePeakEnvelope::exactBlock(int block, float* out) const
{
    const int n = audio_.getNumSamples(), start = block * blockLength, count = std::min(blockLength, n - start);
    std::fill(out, out + count, 0.0f);
    for (int c = 0; c < audio_.getNumChannels(); ++c)
        accumulateBlockEnvelope(audio_.getReadPointer(c), n, start, count, out);
    const float largest = largestMagnitude(out, 0, count);
    bounds_[size_t(block)].store(largest, std::memory_order_relaxed); // every thread computing it stores the same value
    return largest;
}

void TruePeakEnvelope::read(std::int64_t start, int count, double threshold, float* out) const
{
    const int block = int(start / blockLength);
    const float bound = bounds_[size_t(block)].load(std::memory_order_relaxed);
    if (double(bound) > threshold)
        exactBlock(block, out);
    else
        std::fill(out, out + count, bound);
}

StreamingTruePeak::StreamingTruePeak(int channels) : channels_(size_t(std::max(channels, 0))) {}

void StreamingTruePeak::add(const juce::AudioBuffer<float>& audio, int start, int count)
{
    for (size_t c = 0; c < channels_.size(); ++c) {
        const float* x = audio.getReadPointer(int(c), start);
        best_ = std::max(best_, largestMagnitude(x, 0, count));
        auto& h = channels_[c].history;
        h.insert(h.end(), x, x + count);
    }
    total_ += count;
    // A point between x[i] and x[i + 1] needs x[i + taps - before - 1]: measure those whose samples have all arrived.
    for (size_t c = 0; c < channels_.size(); ++c)
        interpolateUpTo(c, total_ - (taps - before - 1));
}

double StreamingTruePeak::finish()
{
    for (size_t c = 0; c < channels_.size(); ++c) // the last points see zeros past the end, as truePeak's do
        interpolateUpTo(c, total_);
    return double(best_);
}

void StreamingTruePeak::interpolateUpTo(size_t channel, std::int64_t end)
{
    auto& ch = channels_[channel];
    const auto& interp = interpolator();
    const float* x = ch.history.data();
    const int n = int(ch.history.size()); // beyond it the signal has ended (finish) or is not needed yet
    float between[blockLength];
    while (ch.done < end) {
        const int start = int(ch.done - ch.first), count = int(std::min<std::int64_t>(blockLength, end - ch.done));
        // Before the signal's first sample there are zeros, as in truePeak: history starts at 0 then.
        const float reach = largestMagnitude(x, start - before, std::min(n, start + count + taps - before));
        if (reach * interp.gainBound > best_) {
            interp.betweenPeaks(x, n, start, count, between);
            best_ = std::max(best_, largestMagnitude(between, 0, count));
        }
        ch.done += count;
    }
    // Keep only what later points read: `before` samples behind the next point.
    const auto keepFrom = std::max<std::int64_t>(ch.first, ch.done - before);
    ch.history.erase(ch.history.begin(), ch.history.begin() + (keepFrom - ch.first));
    ch.first = keepFrom;
}

} // namespace loopmind::mastering
