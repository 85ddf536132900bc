#include "Mastering/Ebur128Meter.h"
#include <algorithm>
#include <cmath>
#include <thread>
#include <ebur128.h>

namespace loopmind::mastering {

struct Ebur128Meter::State {
    ebur128_state* meter = nullptr;
    ~State()
    {
        if (meter != nullptr)
            ebur128_destroy(&meter);
    }
};

Ebur128Meter::Ebur128Meter(int channels, double sampleRate, bool full, bool withoutTruePeak)
    : state_(std::make_unique<State>()), channels_(channels), full_(full), truePeak_(full && !withoutTruePeak)
{
    const int mode = full ? (EBUR128_MODE_I | EBUR128_MODE_LRA | (truePeak_ ? EBUR128_MODE_TRUE_PEAK : 0)) : EBUR128_MODE_I;
    if (channels > 0 && sampleRate >= 1.0)
        state_->meter = ebur128_init(unsigned(channels), (unsigned long)(sampleRate + 0.5), mode);
}

Ebur128Meter::~Ebur128Meter() = default;
Ebur128Meter::Ebur128Meter(Ebur128Meter&&) noexcept = default;
Ebur128Meter& Ebur128Meter::operator=(Ebur128Meter&&) noexcept = default;

void Ebur128Meter::add(const juce::AudioBuffer<float>& audio, int start, int numSamples)
{
    if (state_->meter == nullptr || numSamples <= 0)
        return;
    constexpr int chunk = 4096;
    interleaved_.resize(size_t(chunk) * size_t(channels_));
    for (int done = 0; done < numSamples; done += chunk) {
        const int n = std::min(chunk, numSamples - done);
        for (int c = 0; c < channels_; ++c) {
            const float* src = audio.getReadPointer(std::min(c, audio.getNumChannels() - 1), start + done);
            for (int i = 0; i < n; ++i)
                interleaved_[size_t(i) * size_t(channels_) + size_t(c)] = src[i];
        }
        ebur128_add_frames_float(state_->meter, interleaved_.data(), size_t(n));
    }
}

Loudness Ebur128Meter::result() const
{
    Loudness m;
    auto* state = state_->meter;
    if (state == nullptr)
        return m;
    double value = 0;
    if (ebur128_loudness_global(state, &value) == EBUR128_SUCCESS && std::isfinite(value) && value > -200.0)
        m.integratedLufs = value;
    if (!full_)
        return m;
    if (ebur128_loudness_range(state, &value) == EBUR128_SUCCESS && std::isfinite(value))
        m.lra = value;
    double peak = 0;
    for (int c = 0; c < (truePeak_ ? channels_ : 0); ++c) {
        double channelPeak = 0;
        if (ebur128_true_peak(state, unsigned(c), &channelPeak) == EBUR128_SUCCESS)
            peak = std::max(peak, channelPeak);
    }
    if (peak > 0 && std::isfinite(peak))
        m.truePeakDb = 20.0 * std::log10(peak);
    return m;
}

namespace {
/** libebur128's true peak of one channel, on a mono meter: the same interpolator, run per channel. */
double channelTruePeak(const float* x, int n, double sampleRate)
{
    ebur128_state* meter = ebur128_init(1, (unsigned long)(sampleRate + 0.5), EBUR128_MODE_TRUE_PEAK);
    if (meter == nullptr)
        return 0.0;
    constexpr int chunk = 65536;
    for (int done = 0; done < n; done += chunk)
        ebur128_add_frames_float(meter, x + done, size_t(std::min(chunk, n - done)));
    double peak = 0;
    if (ebur128_true_peak(meter, 0, &peak) != EBUR128_SUCCESS || !std::isfinite(peak))
        peak = 0;
    ebur128_destroy(&meter);
    return peak;
}
} // namespace

Loudness Ebur128Meter::measure(const juce::AudioBuffer<float>& audio, double sampleRate, bool full)
{
    const int channels = audio.getNumChannels(), n = audio.getNumSamples();
    if (!full || channels < 2 || n <= 0 || sampleRate < 1.0) {
        Ebur128Meter meter(channels, sampleRate, full);
        meter.add(audio, 0, n);
        return meter.result();
    }
    // The true peak's 4x resampling is most of the cost and independent per channel: each channel's
    // runs on its own thread while this one measures integrated loudness and LRA. Same numbers as one meter.
    std::vector<double> peaks(size_t(channels), 0.0);
    std::vector<std::thread> threads;
    for (int c = 0; c < channels; ++c)
        threads.emplace_back([&, c] { peaks[size_t(c)] = channelTruePeak(audio.getReadPointer(c), n, sampleRate); });
    Ebur128Meter meter(channels, sampleRate, true, true);
    meter.add(audio, 0, n);
    auto m = meter.result();
    for (auto& t : threads)
        t.join();
    const double peak = *std::max_element(peaks.begin(), peaks.end());
    if (peak > 0)
        m.truePeakDb = 20.0 * std::log10(peak);
    return m;
}

} // namespace loopmind::mastering
