#pragma once
// How an instrument loop set is specified and built: shared by the main and extra sets (InstrumentLoopSet) and the
// unseen held-out set (HeldOutUnseenSet). Test support only.
#include "Support/InstrumentLoopSet.h"
#include "Support/LoopPatterns.h"
#include <cstdint>
#include <string>
#include <vector>

namespace loopmind::test {

/** Everything about one loop but its audio: pitched loops are rendered from the pattern that `seed` draws for
    `loop.kind` through GM `program`; drum loops are mixed from the kit named in `loop.instrument`. */
struct InstrumentLoopSpec {
    InstrumentLoop loop;
    int program = 0, tonic = 0, beats = 8, lengthSamples = 0;
    bool minor = false, foldTail = true, reverb = false, saturate = false;
    double swing = 0.5, peakDb = -3.0;
    std::uint32_t seed = 0;
};

/** Draws, in this order, what a producer does to a pitched loop (its release tail folded into the start two times in
    three, a reverb or a saturation one time in five, a peak level of -12 to -1 dBFS) and the seed of its pattern. The
    order is part of every set's identity: changing it changes the sets. */
void drawFinishingTouches(InstrumentLoopSpec& s, PatternRng& rng);

/** The set of `specs` in `$TMPDIR/<folderName>`, generated once (at 44.1 kHz, 24-bit) beside the final folder and
    renamed into place, so a killed run never leaves half a set behind; reused while `folderName` stands. */
InstrumentLoopSet builtInstrumentSet(const std::vector<InstrumentLoopSpec>& specs, const std::string& folderName, int version);

} // namespace loopmind::test
