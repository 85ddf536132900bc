#include "Mastering/TruePeakDetector.h"
#include <array>
#include <cmath>

namespace loopmind::mastering {
namespace {
constexpr int taps = 16;         // per phase: the interpolated point sees 8 samples on each side
constexpr int before = taps / 2 - 1; // x[n-7] .. x[n+8] for a point between n and n+1
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

/** Kaiser-windowed sinc at full band: exact band-limited interpolation up to the window's ripple. */
std::array<Phase, truePeakOversampling - 1> designPhases()
{
    constexpr double beta = 6.0, halfWidth = taps / 2.0;
    std::array<Phase, truePeakOversampling - 1> phases {};
    for (int p = 1; p < truePeakOversampling; ++p) {
        const double f = double(p) / truePeakOversampling;
        for (int t = 0; t < taps; ++t) {
            const double u = f - double(t - before); // distance from x[n + t - before] to the point n + f
            const double sinc = std::sin(pi * u) / (pi * u);
            const double r = u / halfWidth;
            const double window = r * r < 1.0 ? besselI0(beta * std::sqrt(1.0 - r * r)) / besselI0(beta) : 0.0;
            phases[size_t(p - 1)][size_t(t)] = float(sinc * window);
        }
    }
    return phases;
}
} // namespace

std::vector<float> truePeakEnvelope(const juce::AudioBuffer<float>& audio)
{
    static const auto phases = designPhases();
    const int n = audio.getNumSamples();
    std::vector<float> envelope(size_t(std::max(n, 0)), 0.0f);
    std::vector<float> between(size_t(std::max(n, 0)), 0.0f); // peak of the points between n and n+1
    std::vector<float> padded(size_t(n + taps + 1), 0.0f);
    for (int c = 0; c < audio.getNumChannels(); ++c) {
        const float* x = audio.getReadPointer(c);
        std::copy(x, x + n, padded.begin() + before);
        for (int i = 0; i < n; ++i) {
            const float* window = padded.data() + i; // window[t] = x[i + t - before]
            float peak = 0;
            for (const auto& h : phases) {
                float acc = 0;
                for (int t = 0; t < taps; ++t)
                    acc += h[size_t(t)] * window[t];
                peak = std::max(peak, std::abs(acc));
            }
            between[size_t(i)] = std::max(between[size_t(i)], peak);
            envelope[size_t(i)] = std::max(envelope[size_t(i)], std::abs(x[i]));
        }
    }
    for (int i = 0; i < n; ++i) {
        float e = std::max(envelope[size_t(i)], between[size_t(i)]);
        if (i > 0)
            e = std::max(e, between[size_t(i - 1)]);
        envelope[size_t(i)] = e;
    }
    return envelope;
}

} // namespace loopmind::mastering
