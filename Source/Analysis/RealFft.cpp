#include "Analysis/RealFft.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis::detail {

RealFft::RealFft(int order)
    : n(1 << std::clamp(order, 2, 20)), half(n / 2), bitReversed(size_t(half)), twiddleRe(size_t(std::max(1, half / 2))),
      twiddleIm(size_t(std::max(1, half / 2))), splitRe(size_t(half + 1)), splitIm(size_t(half + 1)), re(size_t(half)),
      im(size_t(half))
{
    const double pi = 3.14159265358979323846;
    int bits = 0;
    while ((1 << bits) < half)
        ++bits;
    for (int k = 0; k < half; ++k) {
        int r = 0;
        for (int b = 0; b < bits; ++b)
            r |= ((k >> b) & 1) << (bits - 1 - b);
        bitReversed[size_t(k)] = r;
    }
    for (int k = 0; k < half / 2; ++k) {
        twiddleRe[size_t(k)] = float(std::cos(2.0 * pi * k / half));
        twiddleIm[size_t(k)] = float(-std::sin(2.0 * pi * k / half));
    }
    for (int k = 0; k <= half; ++k) {
        splitRe[size_t(k)] = float(std::cos(2.0 * pi * k / n));
        splitIm[size_t(k)] = float(-std::sin(2.0 * pi * k / n));
    }
}

void RealFft::forward(const float* in, float* out)
{
    // Pack: z[k] = x[2k] + i x[2k+1], in bit-reversed order for the in-place decimation-in-time passes.
    for (int k = 0; k < half; ++k) {
        const int r = bitReversed[size_t(k)];
        re[size_t(r)] = in[2 * k];
        im[size_t(r)] = in[2 * k + 1];
    }
    for (int len = 2; len <= half; len *= 2) {
        const int step = half / len, h = len / 2;
        for (int start = 0; start < half; start += len)
            for (int j = 0; j < h; ++j) {
                const float wr = twiddleRe[size_t(j * step)], wi = twiddleIm[size_t(j * step)];
                const size_t a = size_t(start + j), b = a + size_t(h);
                const float vr = re[b] * wr - im[b] * wi, vi = re[b] * wi + im[b] * wr;
                re[b] = re[a] - vr;
                im[b] = im[a] - vi;
                re[a] += vr;
                im[a] += vi;
            }
    }
    // Split: X[k] = E[k] + W^k O[k], with E and O the spectra of the even and odd samples recovered from
    // Z[k] and conj(Z[N/2 - k]).
    for (int k = 0; k <= half; ++k) {
        const size_t a = size_t(k % half), b = size_t((half - k) % half);
        const float ar = re[a], ai = im[a], br = re[b], bi = im[b];
        const float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
        const float orr = 0.5f * (ai + bi), oi = -0.5f * (ar - br);
        const float wr = splitRe[size_t(k)], wi = splitIm[size_t(k)];
        out[2 * k] = er + wr * orr - wi * oi;
        out[2 * k + 1] = ei + wr * oi + wi * orr;
    }
}

} // namespace loopmind::analysis::detail
