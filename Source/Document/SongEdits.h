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

/** A new song tempo (40 to 240 BPM): clips keep their bars and every loop is fitted to it again when the song is
    next prepared. False when unchanged, out of range, or the song would grow past maxSongSeconds. */
bool setSongTempo(Arrangement& a, double bpm);
/** A new song key ("F# minor"): every pitched loop is transposed by the move between the old key and the new one
    (taken in the old key's mode through the relative major/minor, to the nearest, -6..+5 semitones in all). False
    when unchanged, unparsable, or the song has no key. */
bool setSongKey(Arrangement& a, const std::string& key);

} // namespace loopmind
