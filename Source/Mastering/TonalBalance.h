#pragma once
// Gentle corrective EQ: compares the energy below ~150 Hz and above ~5 kHz with a neutral balance
// (the long-term spectrum of well-balanced commercial masters, roughly pink with a softer top) and
// proposes a low and a high shelf that move half-way towards it, bounded to +-3 dB at full intensity.
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind::mastering {

struct TonalCorrection {
    double lowShelfDb = 0;  // at 120 Hz
    double highShelfDb = 0; // at 6 kHz
    double lowBandDb = 0;   // measured: low band energy relative to the whole, dB
    double highBandDb = 0;  // measured: high band energy relative to the whole, dB
};

constexpr double lowShelfHz = 120.0, highShelfHz = 6000.0;

TonalCorrection measureTonalCorrection(const juce::AudioBuffer<float>& audio, double sampleRate, double intensity);

} // namespace loopmind::mastering
