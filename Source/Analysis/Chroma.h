#pragma once
// Pitch content of a buffer: lasting sinusoidal peaks of ~186 ms spectra between 50 Hz and 5 kHz,
// grouped into notes (a partial at a whole multiple of a lower note is its overtone) and mapped to
// the 12 pitch classes of equal temperament at A4 = 440 Hz. Overtones vote for their note's pitch
// class, so a C's G and E partials do not smear it into a C major chord.
#include <array>
#include <vector>

namespace loopmind::analysis::detail {

struct ChromaAnalysis {
    std::vector<std::array<float, 12>> frames; // per-frame pitch-class salience (index 0 = C)
    std::vector<float> energy;                 // per-frame energy between 50 Hz and 5 kHz
    std::vector<float> tonalEnergy;            // per-frame energy in clear, lasting sinusoidal peaks
    std::vector<int> pitchClasses;             // per frame: distinct pitch classes among the fundamentals
    std::vector<float> lowestPitchHz;          // per frame: lowest fundamental (0 when none)
    std::array<double, 12> mean {};            // loop average of the frames, weighted by their level
    double tonalness = 0.0;                    // share of 50 Hz-5 kHz energy in lasting sinusoids, 0..1
    double harmonicity = 0.0;                  // share of 100 Hz-2 kHz energy in peaks that are one note's partials
    std::array<double, 12> harmonicNotes {};   // their energy per pitch class of their fundamental (A4 = 440 Hz)
    std::array<double, 12> openingHarmonicNotes {}; // the same over the loop's first quarter
    double secondsPerFrame = 0.0;
};

ChromaAnalysis analyseChroma(const std::vector<float>& mono, double sampleRate);

/** The same on ~93 ms frames from 100 Hz: coarser in pitch, but a 60 ms stab or pluck fills enough of a frame for
    its partials to stand clear (in 186 ms frames a short note's wide spectral lobes fail the prominence test). */
ChromaAnalysis analyseShortNoteChroma(const std::vector<float>& mono, double sampleRate);

} // namespace loopmind::analysis::detail
