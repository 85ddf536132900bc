#include "Support/ClickDetector.h"
#include "Analysis/LinearPrediction.h"
#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

namespace loopmind::test {

namespace {
constexpr int order = 16;
constexpr double clickDb = 32.0;     // over the local error level on both sides
constexpr double clickFloorDb = -50.0;
constexpr double shortDb = 15.0;     // over its own +-1 ms: a click is short, a burst of noise is not
constexpr double attackDb = 6.0;     // the level after rising this much means a new sound begins here
constexpr double seamDb = 20.0;      // at bar lines: over the predictor's own error on the 10 ms before
constexpr double seamFloorDb = -40.0;
constexpr double seamPersistRatio = 2.0; // a step is one error; an attack keeps erring

double dbPower(double p) { return p > 0 ? 10.0 * std::log10(p) : -400.0; }

/** The signal with DC and sub-audio removed (one pole at 10 Hz), as double. */
std::vector<double> dcBlocked(const float* x, int n, double rate)
{
    const double r = std::exp(-2.0 * juce::MathConstants<double>::pi * 10.0 / rate);
    std::vector<double> y(static_cast<size_t>(n));
    double previousIn = 0, previousOut = 0;
    for (int i = 0; i < n; ++i) {
        previousOut = x[i] - previousIn + r * previousOut;
        previousIn = x[i];
        y[size_t(i)] = previousOut;
    }
    return y;
}

/** Prediction error of y under a predictor fitted per 10 ms hop on the 20 ms around it (autocorrelation method). */
std::vector<double> whitened(const std::vector<double>& y, double rate)
{
    const int n = int(y.size()), hop = std::max(64, int(std::lround(0.01 * rate))), frame = 2 * hop;
    std::vector<double> e(static_cast<size_t>(n), 0.0), windowed(static_cast<size_t>(frame));
    std::array<double, order + 1> r {}, a {}, next {};
    for (int start = 0; start < n; start += hop) {
        const int from = start - hop / 2;
        for (int i = 0; i < frame; ++i) {
            const int k = from + i;
            const double w = 0.5 - 0.5 * std::cos(2.0 * juce::MathConstants<double>::pi * (i + 0.5) / frame);
            windowed[size_t(i)] = k >= 0 && k < n ? w * y[size_t(k)] : 0.0;
        }
        for (int lag = 0; lag <= order; ++lag) {
            double s = 0;
            for (int i = lag; i < frame; ++i)
                s += windowed[size_t(i)] * windowed[size_t(i - lag)];
            r[size_t(lag)] = s;
        }
        r[0] = r[0] * (1.0 + 1e-6) + 1e-12; // a -60 dB noise floor keeps the recursion stable on silence
        a.fill(0.0);
        double err = r[0];
        for (int i = 1; i <= order; ++i) { // Levinson-Durbin
            double acc = r[size_t(i)];
            for (int j = 1; j < i; ++j)
                acc -= a[size_t(j)] * r[size_t(i - j)];
            const double k = std::clamp(acc / err, -0.9999, 0.9999);
            next = a;
            next[size_t(i)] = k;
            for (int j = 1; j < i; ++j)
                next[size_t(j)] = a[size_t(j)] - k * a[size_t(i - j)];
            a = next;
            err *= 1.0 - k * k;
        }
        for (int t = start; t < std::min(n, start + hop); ++t) {
            double p = 0;
            for (int j = 1; j <= order && t - j >= 0; ++j)
                p += a[size_t(j)] * y[size_t(t - j)];
            e[size_t(t)] = y[size_t(t)] - p;
        }
    }
    return e;
}

/** Mean of v over [from, to), clamped to the signal. */
struct PrefixMean {
    std::vector<double> sum;
    explicit PrefixMean(const std::vector<double>& v) : sum(v.size() + 1, 0.0)
    {
        for (size_t i = 0; i < v.size(); ++i)
            sum[i + 1] = sum[i] + v[i];
    }
    double operator()(long from, long to) const
    {
        const long n = long(sum.size()) - 1;
        from = std::clamp(from, 0L, n);
        to = std::clamp(to, 0L, n);
        return to > from ? (sum[size_t(to)] - sum[size_t(from)]) / double(to - from) : 0.0;
    }
};

void findInChannel(const float* x, int n, double rate, int channel, const BarGrid& bars, std::vector<Click>& out)
{
    const auto y = dcBlocked(x, n, rate);
    const auto e = whitened(y, rate);
    std::vector<double> e2(e.size()), y2(y.size());
    for (size_t i = 0; i < e.size(); ++i) {
        e2[i] = e[i] * e[i];
        y2[i] = y[i] * y[i];
    }
    const PrefixMean errorLevel(e2), signalLevel(y2);
    const long ms = std::max(8L, long(std::lround(rate / 1000.0)));
    const long window = 25 * ms, edge = 10 * ms;
    const double clickRatio = std::pow(10.0, clickDb / 10.0), floor2 = std::pow(10.0, clickFloorDb / 10.0);

    long lastFound = -10 * ms;
    for (long p = edge; p < long(n) - edge; ++p) {
        const double v = e2[size_t(p)];
        if (v < floor2)
            continue;
        const double before = errorLevel(p - 1 - window, p - 1), after = errorLevel(p + 2, p + 2 + window);
        const double base = std::max({ before, after, 1e-20 });
        if (v < clickRatio * base || p - lastFound <= ms)
            continue;
        // The strongest sample of this moment, then the rules that tell a click from music.
        long best = p;
        for (long q = p; q < std::min(long(n) - edge, p + ms); ++q)
            if (e2[size_t(q)] > e2[size_t(best)])
                best = q;
        const double near = 0.5 * (errorLevel(best - ms, best - 2) + errorLevel(best + 3, best + ms + 1));
        const bool isShort = e2[size_t(best)] >= std::pow(10.0, shortDb / 10.0) * (near + 1e-20);
        const bool attack = signalLevel(best + ms, best + 20 * ms) > std::pow(10.0, attackDb / 10.0) * (signalLevel(best - 20 * ms, best - ms) + 1e-12);
        lastFound = best;
        p = best;
        if (isShort && !attack)
            out.push_back({ double(best) / rate, channel, dbPower(e2[size_t(best)]), dbPower(e2[size_t(best)] / base), false });
    }

    if (bars.bpm <= 0)
        return;
    // At bar lines: a predictor fitted on the 10 ms before predicts the 3 samples either side. A step that a
    // downbeat masks still stands out there; an attack keeps erring for the next millisecond, a step does not.
    const double barSamples = bars.beatsPerBar * 60.0 / bars.bpm * rate;
    const int fit = int(std::lround(0.01 * rate)), tolerance = 3;
    for (int k = 1;; ++k) {
        const long b = long(std::lround(k * barSamples));
        if (b + 20 * ms >= long(n))
            break;
        if (b - tolerance - fit - order < 0)
            continue;
        const std::vector<double> segment(x + b - tolerance - fit - order, x + b + tolerance + ms + 3);
        const auto predicted = analysis::predictionErrors(segment, order, fit);
        long j = fit;
        for (long q = fit; q <= fit + 2 * tolerance; ++q)
            if (std::abs(predicted.errors[size_t(q)]) > std::abs(predicted.errors[size_t(j)]))
                j = q;
        const double jump = std::abs(predicted.errors[size_t(j)]);
        std::vector<double> following;
        for (long q = j + 2; q < j + 2 + ms && q < long(predicted.errors.size()); ++q)
            following.push_back(std::abs(predicted.errors[size_t(q)]));
        std::nth_element(following.begin(), following.begin() + long(following.size() / 2), following.end());
        const double persist = following[following.size() / 2];
        const double salience = 20.0 * std::log10(std::max(jump, 1e-12) / std::max({ predicted.fitRms, 1e-3 * predicted.signalRms, 1e-9 }));
        if (jump >= std::pow(10.0, seamFloorDb / 20.0) && salience >= seamDb && jump >= seamPersistRatio * persist)
            out.push_back({ double(b - tolerance - fit + j) / rate, channel, 20.0 * std::log10(jump), salience, true });
    }
}
} // namespace

std::vector<Click> findClicks(const juce::AudioBuffer<float>& audio, double sampleRate, BarGrid bars)
{
    std::vector<Click> found;
    for (int c = 0; c < audio.getNumChannels(); ++c)
        findInChannel(audio.getReadPointer(c), audio.getNumSamples(), sampleRate, c, bars, found);
    // One report per moment (5 ms): the most salient; a click near a bar line is a seam click.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.seconds < b.seconds; });
    std::vector<Click> merged;
    for (const auto& c : found) {
        if (!merged.empty() && c.seconds - merged.back().seconds <= 0.005) {
            const bool bar = merged.back().onBarLine || c.onBarLine;
            if (c.salienceDb > merged.back().salienceDb)
                merged.back() = c;
            merged.back().onBarLine = bar;
        } else {
            merged.push_back(c);
        }
    }
    if (bars.bpm > 0) {
        const double bar = bars.beatsPerBar * 60.0 / bars.bpm;
        for (auto& c : merged)
            c.onBarLine = c.onBarLine || std::abs(c.seconds - bar * std::round(c.seconds / bar)) <= 0.005;
    }
    return merged;
}

std::string describeClicks(const std::vector<Click>& clicks)
{
    std::ostringstream s;
    s << clicks.size() << " clicks";
    for (size_t i = 0; i < clicks.size() && i < 12; ++i) {
        const auto& c = clicks[i];
        s << (i == 0 ? ": " : "; ") << c.seconds << " s ch" << c.channel << " " << std::lround(c.levelDb) << " dBFS "
          << std::lround(c.salienceDb) << " dB" << (c.onBarLine ? " bar line" : "");
    }
    return s.str();
}

} // namespace loopmind::test
