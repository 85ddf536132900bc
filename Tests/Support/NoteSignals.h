#pragma once
// Pitched test signals for the analysis tests: plucked notes and chords with harmonic partials and a fast decay.
#include <vector>

namespace loopmind::test {

/** Plucked notes or chords (8 partials each, exponential decay, 2 ms release): chord k of `chords` (MIDI notes
    sounding together) starts at k * spacing seconds and lasts `length` seconds; the chords repeat in turn. */
std::vector<float> plucks(const std::vector<std::vector<int>>& chords, double spacing, double length, double seconds, double rate);

} // namespace loopmind::test
