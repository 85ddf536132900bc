#pragma once
// Gentle corrective EQ: compares the energy below ~150 Hz and above ~5 kHz with a neutral balance
// (the long-term spectrum of well-balanced commercial masters, roughly pink with a softer top) and
// proposes a low and a high shelf that move half-way towards it, bounded to +-3 dB at full intensity.
// Measured channel by channel (so channels can run in parallel), then judged on the sums.
#include <vector>

namespace loopmind::mastering {

struct TonalCorrection {
    double lowShelfDb = 0;  // at 120 Hz
    double highShelfDb = 0; // at 6 kHz
    double lowBandDb = 0;   // measured: low band energy relative to the whole, dB
    double highBandDb = 0;  // measured: high band energy relative to the whole, dB
};

constexpr double lowShelfHz = 120.0, highShelfHz = 6000.0;
constexpr double bandLowHz = 150.0, bandHighHz = 5000.0; // the measured bands: 2nd-order low-pass and high-pass

struct BandEnergies {
    double total = 0, low = 0, high = 0; // sums of squares: whole, below ~150 Hz, above ~5 kHz
};

/** The correction for the channels' energies (summed in channel order) over numSamples per channel. */
TonalCorrection tonalCorrection(const std::vector<BandEnergies>& channels, int numSamples, double intensity);

} // namespace loopmind::mastering
