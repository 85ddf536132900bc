#include "Analysis/LoopWrap.h"
#include "Analysis/LinearPrediction.h"
#include <algorithm>
#include <cmath>
#include <vector>

namespace loopmind::analysis {

namespace {
constexpr int order = 16;          // enough to model a few partials of a pad or the ring of a drum
constexpr double fitMs = 10.0;     // the tail the predictor learns from
constexpr double jumpFloor = 1e-3; // -60 dBFS: below that no repeat is heard as a click
constexpr double salienceDb = 12.0;
constexpr double attackRatio = 2.0; // a new sound's attack keeps erring after the seam; a step does not

double dbOf(double v) { return v > 0 ? 20.0 * std::log10(v) : -200.0; }

struct ChannelWrap {
    double jump = 0, salienceDb = 0;
    bool clicks = false;
};

ChannelWrap measureChannel(const float* x, int n, double sampleRate)
{
    const int fit = std::max(2 * order, int(std::lround(fitMs * 1e-3 * sampleRate)));
    const int post = std::max(8, int(std::lround(1e-3 * sampleRate)));
    ChannelWrap r;
    if (n < fit + order + post + 2)
        return r; // too short to tell a seam from the sound itself
    // The tail the fit learns from, then the head as it follows on every repeat.
    std::vector<double> s;
    s.reserve(size_t(order + fit + post + 2));
    for (int i = n - fit - order; i < n; ++i)
        s.push_back(x[i]);
    for (int i = 0; i < post + 2; ++i)
        s.push_back(x[i]);

    const auto fitted = predictionErrors(s, order, fit);
    const auto error = [&](int k) { return fitted.errors[size_t(k - order)]; };
    const double fitRms = fitted.fitRms, signalRms = fitted.signalRms;

    const int seam = order + fit; // index of the loop's first sample in s
    r.jump = std::max(std::abs(error(seam)), std::abs(error(seam + 1)));
    std::vector<double> after;
    for (int k = seam + 2; k < seam + 2 + post; ++k)
        after.push_back(std::abs(error(k)));
    std::nth_element(after.begin(), after.begin() + long(after.size() / 2), after.end());
    const double afterMedian = after[after.size() / 2];
    r.salienceDb = dbOf(r.jump / std::max({ fitRms, 1e-3 * signalRms, 1e-9 }));
    r.clicks = r.jump >= jumpFloor && r.salienceDb >= salienceDb && r.jump >= attackRatio * afterMedian;
    return r;
}
} // namespace

LoopWrap measureLoopWrap(const juce::AudioBuffer<float>& audio, double sampleRate)
{
    LoopWrap w;
    const int n = audio.getNumSamples();
    if (n == 0 || sampleRate <= 0)
        return w;
    double jump = 0, start = 0, end = 0;
    for (int ch = 0; ch < audio.getNumChannels(); ++ch) {
        const float* x = audio.getReadPointer(ch);
        start = std::max(start, double(std::abs(x[0])));
        end = std::max(end, double(std::abs(x[n - 1])));
        const auto c = measureChannel(x, n, sampleRate);
        if (c.jump >= jump) {
            jump = c.jump;
            w.salienceDb = c.salienceDb;
        }
        w.clicks = w.clicks || c.clicks;
    }
    w.jumpDb = dbOf(jump);
    w.startDb = dbOf(start);
    w.endDb = dbOf(end);
    return w;
}

} // namespace loopmind::analysis
