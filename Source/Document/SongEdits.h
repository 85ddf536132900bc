#pragma once
// The song edits the app offers, as pure functions from one SongState to the next (StudioDocument makes
// them undoable). No GUI here: the tests and --demo-render call exactly these.
#include "Document/StudioDocument.h"

namespace loopmind {

/** A new arrangement from the analysed loops with this seed; mute/solo cleared. */
SongState generateSong(const std::vector<LoopInfo>& loops, std::uint64_t seed, double sampleRate, int newRevision);

/** Swaps the lane's loop for the next library loop of the same role that fits the project tempo. False if none. */
bool swapLaneLoop(SongState& song, int lane, const std::vector<LoopInfo>& loops);

/** Adds a clip covering the section on the lane, or removes the lane's clips inside it. */
void toggleClipInSection(SongState& song, int lane, int section);

} // namespace loopmind
