#include "Analysis/AnalysisCommon.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis::detail {

std::vector<float> mixToMono(const juce::AudioBuffer<float>& audio)
{
    const int channels = audio.getNumChannels();
    const int frames = audio.getNumSamples();
    std::vector<float> mono(size_t(std::max(frames, 0)), 0.0f);
    if (channels <= 0 || frames <= 0)
        return mono;
    const float gain = 1.0f / float(channels);
    for (int c = 0; c < channels; ++c) {
        const float* in = audio.getReadPointer(c);
        for (int i = 0; i < frames; ++i) {
            const float s = in[i];
            if (std::isfinite(s))
                mono[size_t(i)] += s * gain;
        }
    }
    return mono;
}

double midiOf(double hz) { return 69.0 + 12.0 * std::log2(hz / 440.0); }

int pitchClassOf(double hz) { return ((int(std::lround(midiOf(hz))) % 12) + 12) % 12; }

double clamp01(double v)
{
    if (!std::isfinite(v))
        return 0.0;
    return std::clamp(v, 0.0, 1.0);
}

double finiteOr(double v, double fallback)
{
    return std::isfinite(v) ? v : fallback;
}

int fftOrderFor(double seconds, double sampleRate)
{
    const double wanted = std::max(256.0, seconds * std::max(sampleRate, 1.0));
    return std::clamp(int(std::lround(std::log2(wanted))), 8, 15);
}

MagnitudeSpectrum::MagnitudeSpectrum(int order)
    : fft(order), fftSize(1 << order), window(size_t(fftSize)), frame(size_t(fftSize)), bins(size_t(fftSize) + 2),
      magnitudes(size_t(fftSize / 2 + 1))
{
    double sum = 0.0;
    for (int i = 0; i < fftSize; ++i) {
        // Periodic Hann: overlapping frames at a quarter or half hop sum to a constant.
        window[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * juce::MathConstants<double>::pi * i / fftSize));
        sum += window[size_t(i)];
    }
    scale = float(2.0 / sum);
}

const std::vector<float>& MagnitudeSpectrum::compute(const std::vector<float>& mono, std::int64_t start, bool circular)
{
    const auto length = std::int64_t(mono.size());
    std::fill(frame.begin(), frame.end(), 0.0f);
    if (length > 0 && circular) {
        // Walk the loop from start, wrapping at its end (no division per sample).
        std::int64_t idx = ((start % length) + length) % length;
        for (int i = 0; i < fftSize; ++i) {
            frame[size_t(i)] = mono[size_t(idx)] * window[size_t(i)];
            if (++idx == length)
                idx = 0;
        }
    } else if (length > 0) {
        const auto from = std::max<std::int64_t>(0, -start), to = std::min<std::int64_t>(fftSize, length - start);
        for (auto i = from; i < to; ++i)
            frame[size_t(i)] = mono[size_t(start + i)] * window[size_t(i)];
    }
    fft.forward(frame.data(), bins.data());
    for (size_t k = 0; k < magnitudes.size(); ++k) {
        const float re = bins[2 * k], im = bins[2 * k + 1];
        const float m = std::sqrt(re * re + im * im) * scale;
        magnitudes[k] = std::isfinite(m) ? m : 0.0f;
    }
    return magnitudes;
}

} // namespace loopmind::analysis::detail
