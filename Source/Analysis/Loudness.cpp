// EBU R128 loudness through libebur128: the reference implementation ffmpeg's ebur128 filter agrees with.
#include "Analysis/LoopAnalysis.h"
#include <cmath>
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

LoudnessMeasurement measureLoudness(const juce::AudioBuffer<float>& audio, double sampleRate)
{
    LoudnessMeasurement m;
    const int channels = audio.getNumChannels();
    const int frames = audio.getNumSamples();
    if (channels <= 0 || frames <= 0 || sampleRate < 1.0)
        return m;

    std::unique_ptr<ebur128_state, Ebur128Deleter> state(ebur128_init(unsigned(channels), (unsigned long)(sampleRate + 0.5),
                                                                     EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK));
    if (!state)
        return m;
    // Channel weights are libebur128's defaults (mono and stereo at unit weight, 5.1 per ITU-R BS.1770),
    // which is also what ffmpeg's ebur128 filter does, so the two agree.

    constexpr int chunk = 8192;
    std::vector<float> interleaved(size_t(chunk) * size_t(channels));
    for (int start = 0; start < frames; start += chunk) {
        const int n = std::min(chunk, frames - start);
        for (int c = 0; c < channels; ++c) {
            const float* src = audio.getReadPointer(c, start);
            for (int i = 0; i < n; ++i)
                interleaved[size_t(i) * size_t(channels) + size_t(c)] = src[i];
        }
        ebur128_add_frames_float(state.get(), interleaved.data(), size_t(n));
    }

    double value = 0;
    if (ebur128_loudness_global(state.get(), &value) == EBUR128_SUCCESS)
        m.integratedLufs = finite(value, -200.0);
    if (ebur128_loudness_range(state.get(), &value) == EBUR128_SUCCESS && std::isfinite(value))
        m.lra = value;
    double peak = 0;
    for (int c = 0; c < channels; ++c) {
        double channelPeak = 0;
        if (ebur128_true_peak(state.get(), unsigned(c), &channelPeak) == EBUR128_SUCCESS)
            peak = std::max(peak, channelPeak);
    }
    if (peak > 0)
        m.truePeakDb = finite(20.0 * std::log10(peak), -300.0);
    return m;
}

} // namespace loopmind::analysis
