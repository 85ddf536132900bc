#include "Mastering/TruePeakLimiter.h"
#include <algorithm>
#include <cmath>
#include <deque>

namespace loopmind::mastering {

TruePeakLimiter::TruePeakLimiter(double sampleRate, double lookaheadMs, double releaseMs)
    : half_(std::max(1, int(std::lround(lookaheadMs * 0.001 * sampleRate / 2.0)))),
      release_(1.0 - std::exp(-1.0 / (releaseMs * 0.001 * sampleRate)))
{
}

std::vector<float> TruePeakLimiter::gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear,
                                              LimiterStats& stats) const
{
    const int n = int(envelope.size());
    const int window = latencySamples(); // the two averages together span this many samples
    auto required = [&](int i) -> double {
        if (i < 0 || i >= n)
            return 1.0;
        const double peak = double(envelope[size_t(i)]) * inputGain;
        return peak > ceilingLinear ? ceilingLinear / peak : 1.0;
    };

    // Index j covers samples k = j - (window - 1) from before the start, so the very first samples are
    // already approached from unity gain with the full look-ahead.
    const int total = n + window - 1;
    std::vector<double> held(static_cast<size_t>(total));
    std::deque<int> minima; // indices of required(), increasing value order: a sliding-window minimum
    int next = -(window - 1);
    for (int j = 0; j < total; ++j) {
        const int k = j - (window - 1);
        for (; next <= k + window - 1; ++next) {
            while (!minima.empty() && required(minima.back()) >= required(next))
                minima.pop_back();
            minima.push_back(next);
        }
        while (minima.front() < k)
            minima.pop_front();
        held[size_t(j)] = required(minima.front());
    }

    // Release: recover towards unity, never above what the held peak allows.
    double r = 1.0;
    for (auto& h : held) {
        r = std::min(h, r + (1.0 - r) * release_);
        h = r;
    }

    // Two moving averages of length half_: a triangular attack, continuous in value and slope.
    auto movingAverage = [this](const std::vector<double>& in) {
        std::vector<double> out(in.size());
        double sum = double(half_); // samples before the start are at unity
        for (size_t i = 0; i < in.size(); ++i) {
            sum += in[i] - (i >= size_t(half_) ? in[i - size_t(half_)] : 1.0);
            out[i] = sum / double(half_);
        }
        return out;
    };
    const auto smoothed = movingAverage(movingAverage(held));

    std::vector<float> gain(static_cast<size_t>(n));
    double deepest = 1.0, reductionSum = 0;
    for (int i = 0; i < n; ++i) {
        const double g = std::min(1.0, smoothed[size_t(i + window - 1)]);
        gain[size_t(i)] = float(g);
        deepest = std::min(deepest, g);
        if (g < 1.0)
            reductionSum += -20.0 * std::log10(g);
    }
    stats.maxReductionDb = std::max(0.0, -20.0 * std::log10(deepest)); // never "-0"
    stats.meanReductionDb = n > 0 ? reductionSum / double(n) : 0.0;
    return gain;
}

} // namespace loopmind::mastering
