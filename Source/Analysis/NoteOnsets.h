#pragma once
// How many notes start together. A chord's notes are struck (or swell in) together, an arpeggio's and a line's one at
// a time, however long they ring and overlap afterwards: the chroma of ringing harp or vibraphone notes holds three
// pitch classes at once, like a chord, but each new frame adds only one.
#include "Analysis/Chroma.h"

namespace loopmind::analysis::detail {

/** The number of pitch classes a note onset brings, on average: per chroma frame, the rise of each pitch class's
    salience over the frame before, counted as an effective number of pitch classes ((sum)^2 / sum of squares: 1 when
    one pitch class carries the rise, 3 when three share it evenly), averaged with the total rise as the weight.
    ~1 for lines and arpeggios, 2.5-3 for chords; 0 when nothing rises (silence, a drone). */
double notesPerOnset(const ChromaAnalysis& chroma);

/** How alike consecutive note onsets are: the cosine similarity of the pitch-class rises at each onset (a frame whose
    total rise peaks, at least a fifth of the loop's largest) and at the next one, averaged weighted by the smaller rise.
    ~0.5-0.85 for chords struck again and again (and bass lines' repeated roots), ~0-0.3 for arpeggios, which move
    to another pitch class at every onset however long the earlier ones ring. 1 with fewer than two onsets. */
double restrikeSimilarity(const ChromaAnalysis& chroma);

} // namespace loopmind::analysis::detail
