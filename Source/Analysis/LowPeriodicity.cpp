#include "Analysis/LowPeriodicity.h"
#include "Analysis/AnalysisCommon.h"
#include "Analysis/Decimation.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis::detail {
namespace {
constexpr double kMaxRate = 3000.0;       // halved down to 2.76/3 kHz: flat to ~1.1 kHz, where bass partials live
constexpr double kFrameSeconds = 0.046;   // two periods of the lowest bass note (E1, 41 Hz) and then some
constexpr double kHopSeconds = 0.023;
constexpr double kLowestHz = 35.0, kHighestBassHz = 200.0, kLowNoteHz = 196.0;
/** Sum of a[j] * b[j]: four running sums in a fixed order (the same on every machine), which the compiler can
    keep in SIMD lanes where one running sum would serialise every add. */
double dot(const float* a, const float* b, int count)
{
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    int j = 0;
    for (; j + 4 <= count; j += 4) {
        s0 += a[j] * b[j];
        s1 += a[j + 1] * b[j + 1];
        s2 += a[j + 2] * b[j + 2];
        s3 += a[j + 3] * b[j + 3];
    }
    for (; j < count; ++j)
        s0 += a[j] * b[j];
    return double((s0 + s1) + (s2 + s3));
}

constexpr double kClearPeak = 0.8;        // a correlation this high a period later: a note
} // namespace

LowPitchProfile lowPitchProfile(const std::vector<float>& mono, double sampleRate)
{
    LowPitchProfile profile;
    double rate = sampleRate;
    const auto x = decimateTo(mono, rate, kMaxRate);
    const int n = int(x.size());
    const int window = int(std::lround(kFrameSeconds * rate));
    const int hop = std::max(1, int(std::lround(kHopSeconds * rate)));
    const int minBassLag = std::max(2, int(std::floor(rate / kHighestBassHz)));
    const int maxLag = int(std::ceil(rate / kLowestHz));
    if (n < window + maxLag || window < 8)
        return profile;
    std::vector<double> nccf(size_t(maxLag) + 2, 0.0);
    std::vector<float> segment(size_t(window + maxLag + 1));
    double periodic = 0.0, single = 0.0, low = 0.0, total = 0.0;
    for (int begin = 0; begin < n; begin += hop) {
        for (size_t i = 0; i < segment.size(); ++i) // the loop wraps
            segment[i] = x[(size_t(begin) + i) % size_t(n)];
        auto at = [&](int i) { return double(segment[size_t(i)]); };
        double energy = 0.0;
        for (int j = 0; j < window; ++j)
            energy += at(j) * at(j);
        if (energy <= 1e-12)
            continue;
        // Normalised cross-correlation of the frame with itself tau later: 1 for a periodic wave even while
        // it decays (a plucked note), unlike a plain difference.
        double shifted = energy, best = 0.0;
        for (int lag = 1; lag <= maxLag + 1; ++lag) {
            shifted += at(window - 1 + lag) * at(window - 1 + lag) - at(lag - 1) * at(lag - 1);
            const double r = dot(segment.data(), segment.data() + lag, window);
            nccf[size_t(lag)] = shifted > 1e-12 ? r / std::sqrt(energy * shifted) : 0.0;
            if (lag >= minBassLag && lag <= maxLag)
                best = std::max(best, nccf[size_t(lag)]);
        }
        total += energy;
        periodic += energy * std::clamp(best, 0.0, 1.0);
        // The period: the first peak after the correlation has fallen below zero (band-limited audio stays
        // correlated for a few samples whatever it is), if it is high enough to be a note.
        int lag = 2;
        while (lag <= maxLag && nccf[size_t(lag)] > 0.0)
            ++lag;
        while (lag <= maxLag && !(nccf[size_t(lag)] >= kClearPeak && nccf[size_t(lag)] >= nccf[size_t(lag + 1)]))
            ++lag;
        if (lag > maxLag)
            continue;
        single += energy;
        const double a = nccf[size_t(lag - 1)], b = nccf[size_t(lag)], c = nccf[size_t(lag + 1)];
        const double curvature = a - 2.0 * b + c;
        const double period = lag + (curvature < -1e-12 ? std::clamp(0.5 * (a - c) / curvature, -0.5, 0.5) : 0.0);
        const double hz = rate / period;
        if (hz < kLowNoteHz) {
            low += energy;
            const int pc = pitchClassOf(hz);
            profile.bassPitchClasses[size_t(pc)] += energy;
            if (begin < n / 4)
                profile.openingPitchClasses[size_t(pc)] += energy;
        }
    }
    if (total > 0.0) {
        profile.periodicity = periodic / total;
        profile.singleNote = single / total;
        profile.lowNote = low / total;
    }
    return profile;
}

} // namespace loopmind::analysis::detail
