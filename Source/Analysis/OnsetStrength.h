#pragma once
// Onset-strength envelope: band-wise spectral flux on ~11.6 ms hops, half-wave rectified and
// log-compressed; plus per-frame energy, low-band energy and flatness from the same spectra.
// The loop is treated as circular so its downbeat shows up at frame 0.
#include <vector>

namespace loopmind::analysis::detail {

struct OnsetEnvelope {
    std::vector<float> values;  // one per frame; frame n is centred on sample n * length / values.size()
    double framesPerSecond = 0.0;
    double seconds = 0.0;       // length of the analysed audio
    double binHz = 0.0;         // spectrum bin width of the frames below
    std::vector<float> low;     // the same flux over bands below 150 Hz only (kick drums, bass notes)
    std::vector<float> mid;     // ... over 1-5 kHz (a snare's crack)

    // By-products of the same STFT, read by the role classifier (one per frame, raw magnitudes squared):
    std::vector<float> energy;     // all bins above DC
    std::vector<float> lowEnergy;  // bins up to 150 Hz
    std::vector<float> flatness;   // spectral flatness 150 Hz-8 kHz: ~0 for tones, ~0.5 for white noise
    std::vector<float> noteEnergy; // 100 Hz-2 kHz: energy in sharp spectral peaks that were peaks a hop earlier too
    std::vector<float> noteBandEnergy; // all energy at 100 Hz-2 kHz (noteEnergy's whole)
};

/** Envelope covering the whole buffer with an exact whole number of frames, so frame periods line
    up with any whole division of the loop. Empty for silence-length input. */
OnsetEnvelope computeOnsetEnvelope(const std::vector<float>& mono, double sampleRate);

/** Share of the loop's energy below 150 Hz (lowEnergy over energy, summed over frames): where a kick drum puts most of
    a kit's energy, and a lead, an arpeggio or a chord stab almost none. */
double lowEnergyShare(const OnsetEnvelope& envelope);

/** Frames that are clear local maxima of the envelope (at least 50 ms apart). */
std::vector<int> pickOnsets(const OnsetEnvelope& envelope);

} // namespace loopmind::analysis::detail
