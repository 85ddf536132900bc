#include "Mastering/Ebur128Meter.h"
#include <cmath>
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

Loudness Ebur128Meter::measure(const juce::AudioBuffer<float>& audio, double sampleRate, bool full)
{
    Ebur128Meter meter(audio.getNumChannels(), sampleRate, full);
    meter.add(audio, 0, audio.getNumSamples());
    return meter.result();
}

} // namespace loopmind::mastering
