#include "Mastering/TruePeakDetector.h"
#include <array>
#include <algorithm>
#include <cmath>
#include <thread>

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

namespace {
/** One channel's envelope: max(|x[i]|, the interpolated peaks just before and just after i). */
std::vector<float> channelEnvelope(const float* x, int n)
{
    static const auto phases = designPhases();
    std::vector<float> between(size_t(n), 0.0f); // peak of the points between i and i+1
    std::vector<float> padded(size_t(n + taps + 1), 0.0f);
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
        between[size_t(i)] = peak;
    }
    std::vector<float> envelope(static_cast<size_t>(n), 0.0f);
    for (int i = 0; i < n; ++i)
        envelope[size_t(i)] = std::max({ std::abs(x[i]), between[size_t(i)], i > 0 ? between[size_t(i - 1)] : 0.0f });
    return envelope;
}
} // namespace

std::vector<float> truePeakEnvelope(const juce::AudioBuffer<float>& audio)
{
    // Channels are independent: each on its own thread, then the loudest of them per sample (same result as serially).
    const int n = std::max(audio.getNumSamples(), 0), channels = audio.getNumChannels();
    std::vector<std::vector<float>> perChannel(size_t(std::max(channels, 0)));
    std::vector<std::thread> threads;
    for (int c = 1; c < channels; ++c)
        threads.emplace_back([&, c] { perChannel[size_t(c)] = channelEnvelope(audio.getReadPointer(c), n); });
    if (channels > 0)
        perChannel[0] = channelEnvelope(audio.getReadPointer(0), n);
    for (auto& t : threads)
        t.join();
    std::vector<float> envelope(size_t(n), 0.0f);
    for (const auto& e : perChannel)
        for (int i = 0; i < n; ++i)
            envelope[size_t(i)] = std::max(envelope[size_t(i)], e[size_t(i)]);
    return envelope;
}

} // namespace loopmind::mastering
