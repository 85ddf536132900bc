#pragma once
// How periodic a loop's sound below ~1 kHz is, and at what pitch. A bass note repeats its waveform period after
// period, even a 60 ms staccato pluck; a kick's body falls in pitch within its first 50 ms, a snare's body is a
// burst of noise and a decaying mode or two; a chord repeats only at the long common period of its notes, and
// only roughly. Measured with the normalised cross-correlation of each 46 ms frame with itself a period later (at
// ~2.8 kHz; 1 for a periodic wave even while it decays), so it sees notes far shorter than the chroma's 186 ms
// frames can.
#include <array>
#include <vector>

namespace loopmind::analysis::detail {

struct LowPitchProfile {
    double periodicity = 0.0;   // energy-weighted mean of the best correlation at periods of 35-200 Hz: ~0.9+ notes
    double singleNote = 0.0;    // energy share of frames with one clear period (a peak of 0.8+ at its first lag)
    double lowNote = 0.0;       // energy share of frames whose clear period is a note below G3 (196 Hz)
    std::array<double, 12> bassPitchClasses {}; // energy of those low notes per pitch class (A4 = 440 Hz)
    std::array<double, 12> openingPitchClasses {}; // the same over the loop's first quarter (its first bar or beat)
};

/** `mono` at `sampleRate` (any rate; it is decimated). All zero for silence or audio shorter than a frame. */
LowPitchProfile lowPitchProfile(const std::vector<float>& mono, double sampleRate);

} // namespace loopmind::analysis::detail
