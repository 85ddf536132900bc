#pragma once
// Small shared pieces of the analysis room: mono mix-down, finite clamping and a windowed magnitude spectrum.
#include <juce_audio_basics/juce_audio_basics.h>
#include "Analysis/RealFft.h"
#include <cstdint>
#include <vector>

namespace loopmind::analysis::detail {

/** Average of all channels; non-finite samples become 0 so later stages never see NaN. */
std::vector<float> mixToMono(const juce::AudioBuffer<float>& audio);

/** v clamped to [0, 1]; NaN and infinities become 0. */
double clamp01(double v);

/** MIDI note number (fractional) of a frequency, A4 = 440 Hz. */
double midiOf(double hz);

/** Pitch class (0 = C) of the equal-tempered note nearest to hz, A4 = 440 Hz. */
int pitchClassOf(double hz);

/** v when finite, otherwise fallback. */
double finiteOr(double v, double fallback);

/** Power-of-two FFT size closest to seconds * sampleRate (at least 256), so frame lengths mean the
    same time at 44.1 kHz and 48 kHz. */
int fftOrderFor(double seconds, double sampleRate);

/** Hann-windowed magnitude spectrum of one frame. Magnitudes are scaled so a full-scale sine whose
    frequency falls on a bin reads about 1.0. */
class MagnitudeSpectrum {
public:
    explicit MagnitudeSpectrum(int order);

    int size() const { return fftSize; }
    int numBins() const { return fftSize / 2 + 1; }

    /** Spectrum of the frame whose first sample is `start`. Outside [0, length) the signal either
        wraps around (circular: a loop continues into its own start) or is silent. */
    const std::vector<float>& compute(const std::vector<float>& mono, std::int64_t start, bool circular);

private:
    RealFft fft;
    int fftSize;
    float scale;
    std::vector<float> window, frame, bins, magnitudes;
};

} // namespace loopmind::analysis::detail
