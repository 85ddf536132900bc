#pragma once
// Loops sold together ("packs", one folder) almost always share a tempo. When most loops in a folder agree,
// a loop whose length is a whole number of bars at that tempo adopts it (a half-time or octave misreading is
// corrected) and the agreeing loops gain confidence; loops that cannot fit are reported, never changed.
#include "Library/LoopInfo.h"
#include <string>
#include <vector>

namespace loopmind {

struct PackConsistencyResult {
    std::vector<LoopInfo> loops;          // same order as the input
    std::vector<std::string> adjustments; // one sentence per loop whose tempo was changed
    std::vector<std::string> disagreements; // one sentence per loop or folder that does not agree
};

/** Pure: the same loops give the same result whatever their order. beatsPerBar: the bar that "whole bars" means. */
PackConsistencyResult reconcilePackTempos(const std::vector<LoopInfo>& loops, int beatsPerBar = 4);
/** The same, taking the loops over: no copy of a large library (waveforms and all). */
PackConsistencyResult reconcilePackTempos(std::vector<LoopInfo>&& loops, int beatsPerBar = 4);

} // namespace loopmind
