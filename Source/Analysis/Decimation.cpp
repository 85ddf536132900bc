#include "Analysis/Decimation.h"
#include <array>
#include <cmath>

namespace loopmind::analysis::detail {
namespace {
constexpr int kHalfTaps = 23; // 47 taps; a half-band filter's even taps (but the centre) are zero

/** Blackman-windowed sinc at a quarter of the input rate, normalised to unit gain at DC. */
std::array<float, kHalfTaps + 1> halfBandTaps()
{
    std::array<double, kHalfTaps + 1> h {};
    double sum = 0.0;
    for (int k = 0; k <= kHalfTaps; ++k) {
        const double x = 0.5 * k * 3.14159265358979323846;
        const double sinc = k == 0 ? 0.5 : 0.5 * std::sin(x) / x;
        const double w = 0.42 + 0.5 * std::cos(3.14159265358979323846 * k / (kHalfTaps + 1))
                         + 0.08 * std::cos(2.0 * 3.14159265358979323846 * k / (kHalfTaps + 1));
        h[size_t(k)] = sinc * w;
        sum += (k == 0 ? 1.0 : 2.0) * h[size_t(k)];
    }
    std::array<float, kHalfTaps + 1> out {};
    for (size_t k = 0; k < h.size(); ++k)
        out[k] = float(h[k] / sum);
    return out;
}
} // namespace

std::vector<float> halveRate(const std::vector<float>& loop)
{
    static const auto taps = halfBandTaps();
    const auto n = loop.size();
    if (n < 2)
        return loop;
    // The loop with kHalfTaps of its own audio wrapped around both ends: no modulo in the inner loop.
    std::vector<float> padded(n + 2 * kHalfTaps);
    for (size_t i = 0; i < padded.size(); ++i)
        padded[i] = loop[(i + n * (kHalfTaps / n + 1) - kHalfTaps) % n];
    std::vector<float> out((n + 1) / 2);
    for (size_t m = 0; m < out.size(); ++m) {
        const float* centre = padded.data() + 2 * m + kHalfTaps;
        float acc = taps[0] * centre[0];
        for (int k = 1; k <= kHalfTaps; k += 2)
            acc += taps[size_t(k)] * (centre[k] + centre[-k]);
        out[m] = acc;
    }
    return out;
}

std::vector<float> decimateTo(std::vector<float> loop, double& rate, double maxRate)
{
    while (rate > maxRate && loop.size() >= 2) {
        loop = halveRate(loop);
        rate *= 0.5;
    }
    return loop;
}

} // namespace loopmind::analysis::detail
