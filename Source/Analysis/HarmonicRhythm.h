#pragma once
// Where a held loop's chords change. A pad or a chord loop without a groove still changes chords, and chords change
// on bar lines, most often once a bar: N evenly spaced changes round the loop suggest N bars, the length then gives
// the tempo (a convention, like the tempo prior, used only where no groove speaks).
#include "Analysis/Chroma.h"

namespace loopmind::analysis::detail {

/** 2, 4 or 8 when the chroma changes clearly at that many equally spaced moments round the loop and clearly less
    half-way between them; 0 otherwise (a drone, a single chord, changes at uneven times). */
int evenChordChanges(const ChromaAnalysis& chroma);

/** Split into `bars` equal bars, the loop changes harmony at every bar line (each bar's notes differ from the next
    bar's) and not inside a bar (its two halves hold the same notes): a line or a progression at a chord a bar. */
bool changesEveryBar(const ChromaAnalysis& chroma, int bars);

/** The most bars (2, 4 or 8) at which changesEveryBar holds, or 0: a chord a bar, with the loop starting on a bar line. */
int barsOfChordChanges(const ChromaAnalysis& chroma);

} // namespace loopmind::analysis::detail
