// EBU R128 loudness through libebur128: the reference implementation ffmpeg's ebur128 filter agrees with.
#include "Analysis/LoopAnalysis.h"
#include <algorithm>
#include <cmath>
#include <vector>
#include <ebur128.h>
#include <memory>

namespace loopmind::analysis {
namespace {
struct Ebur128Deleter {
    void operator()(ebur128_state* s) const { ebur128_destroy(&s); }
};

std::optional<double> finite(double v, double floor)
{
    if (!std::isfinite(v) || v <= floor)
        return std::nullopt;
    return v;
}
} // namespace

namespace {
using State = std::unique_ptr<ebur128_state, Ebur128Deleter>;

/** Feeds frames [from, to) of audio to the meter, interleaved, in chunks. Returns the largest true peak
    (linear, all channels) among the frames fed when the meter measures it, else 0. */
double feed(ebur128_state* state, const juce::AudioBuffer<float>& audio, int from, int to, std::vector<float>& interleaved)
{
    double peak = 0.0;
    constexpr int chunk = 8192;
    const int channels = audio.getNumChannels();
    interleaved.resize(size_t(chunk) * size_t(channels));
    for (int start = from; start < to; start += chunk) {
        const int n = std::min(chunk, to - start);
        for (int c = 0; c < channels; ++c) {
            const float* src = audio.getReadPointer(c, start);
            for (int i = 0; i < n; ++i)
                interleaved[size_t(i) * size_t(channels) + size_t(c)] = src[i];
        }
        ebur128_add_frames_float(state, interleaved.data(), size_t(n));
        for (int c = 0; c < channels; ++c) {
            double p = 0.0;
            if (ebur128_prev_true_peak(state, unsigned(c), &p) == EBUR128_SUCCESS)
                peak = std::max(peak, p);
        }
    }
    return peak;
}

/** True peak, linear. libebur128's 4x oversampling is most of the loudness cost, yet only the loudest
    stretches can hold the peak: an oversampled point is a weighted sum of the 13 samples either side,
    so it cannot exceed their largest magnitude times the sum of the interpolator's absolute weights
    (1.864 for libebur128 1.2's 49-tap Hann-windowed sinc at 4x; kGainBound leaves a margin, and
    AnalysisLoudnessTests compares with a full pass). Short blocks whose bound cannot beat the peak are
    skipped; the rest are fed in runs, each after its own preceding samples as context, so their
    oversampled points are exactly those a full pass gives. */
double truePeak(const juce::AudioBuffer<float>& audio, double sampleRate)
{
    constexpr int kBlock = 16, kReach = 16; // kReach >= the interpolator's 13-sample half-length
    constexpr float kGainBound = 1.9f;
    const int channels = audio.getNumChannels(), frames = audio.getNumSamples();
    const int blocks = (frames + kBlock - 1) / kBlock;
    std::vector<float> level(size_t(blocks), 0.0f); // largest magnitude in each block
    for (int b = 0; b < blocks; ++b) {
        const int start = b * kBlock, n = std::min(kBlock, frames - start);
        for (int c = 0; c < channels; ++c)
            level[size_t(b)] = std::max(level[size_t(b)], audio.getMagnitude(c, start, n));
    }
    State state(ebur128_init(unsigned(channels), (unsigned long)(sampleRate + 0.5), EBUR128_MODE_TRUE_PEAK));
    if (!state || blocks == 0)
        return 0.0;
    std::vector<float> interleaved;
    // Feeds frames [from, to) after their context; returns the largest oversampled magnitude among them.
    auto measureRun = [&](int from, int to) {
        feed(state.get(), audio, std::max(0, from - kReach), from, interleaved);
        return feed(state.get(), audio, from, std::min(frames, to + kReach), interleaved);
    };
    // The block holding the sample peak first: it sets the bar the others must be able to beat.
    const int loudest = int(std::max_element(level.begin(), level.end()) - level.begin());
    double best = std::max(double(level[size_t(loudest)]), measureRun(loudest * kBlock, (loudest + 1) * kBlock));
    // A block can hide a peak only if its neighbourhood (one block either side covers the reach) is loud enough.
    std::vector<bool> visit(size_t(blocks), false);
    for (int b = 0; b < blocks; ++b) {
        const float nearby = std::max({ level[size_t(b)], b > 0 ? level[size_t(b - 1)] : 0.0f, b + 1 < blocks ? level[size_t(b + 1)] : 0.0f });
        visit[size_t(b)] = b != loudest && double(nearby) * kGainBound > best;
    }
    for (int b = 0; b < blocks;) {
        if (!visit[size_t(b)]) {
            ++b;
            continue;
        }
        int end = b;
        while (end < blocks && visit[size_t(end)])
            ++end;
        best = std::max(best, measureRun(b * kBlock, std::min(frames, end * kBlock)));
        b = end;
    }
    return best;
}
} // namespace

LoudnessMeasurement measureLoudness(const juce::AudioBuffer<float>& audio, double sampleRate)
{
    LoudnessMeasurement m;
    const int channels = audio.getNumChannels();
    const int frames = audio.getNumSamples();
    if (channels <= 0 || frames <= 0 || sampleRate < 1.0)
        return m;

    State state(ebur128_init(unsigned(channels), (unsigned long)(sampleRate + 0.5), EBUR128_MODE_I | EBUR128_MODE_LRA));
    if (!state)
        return m;
    // Channel weights are libebur128's defaults (mono and stereo at unit weight, 5.1 per ITU-R BS.1770),
    // which is also what ffmpeg's ebur128 filter does, so the two agree.
    std::vector<float> interleaved;
    feed(state.get(), audio, 0, frames, interleaved);

    double value = 0;
    if (ebur128_loudness_global(state.get(), &value) == EBUR128_SUCCESS)
        m.integratedLufs = finite(value, -200.0);
    if (ebur128_loudness_range(state.get(), &value) == EBUR128_SUCCESS && std::isfinite(value))
        m.lra = value;
    const double peak = truePeak(audio, sampleRate);
    if (peak > 0)
        m.truePeakDb = finite(20.0 * std::log10(peak), -300.0);
    return m;
}

} // namespace loopmind::analysis
