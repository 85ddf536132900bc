#pragma once
// Editing clips like a DAW, as pure functions of the arrangement (StudioDocument makes each one undo step). Clips sit
// on the bar grid; a track's clips stay sorted and never overlap; an edit that would break that, leave the song or
// move a clip to a lane of another role changes nothing and returns false. Edited clips lose their placement reason
// (they are the producer's now).
#include "Arrangement/Arrangement.h"
#include <vector>

namespace loopmind {

struct ClipRef {
    int lane = -1, clip = -1;
    bool operator==(const ClipRef& o) const { return lane == o.lane && clip == o.clip; }
    bool operator<(const ClipRef& o) const { return lane != o.lane ? lane < o.lane : clip < o.clip; }
};
using ClipSelection = std::vector<ClipRef>;

/** Copied clips, relative to the first bar and lane of what was copied. */
struct ClipClipboard {
    struct Entry { int laneOffset; ArrangementClip clip; std::string role; };
    std::vector<Entry> entries;
    int firstLane = 0;
};

/** The clip covering `bar` on a lane, or -1. */
int clipAtBar(const Arrangement& a, int lane, double bar);
/** Every clip that starts before endBar and ends after startBar on lanes [firstLane, lastLane] (a rubber band). */
ClipSelection clipsInArea(const Arrangement& a, int firstLane, int lastLane, double startBar, double endBar);

/** Moves the clips by whole bars and lanes (to lanes of the same role only). `moved` gets where they went. */
bool moveClips(Arrangement& a, const ClipSelection& clips, int deltaBars, int deltaLanes, ClipSelection* moved = nullptr);
/** Sets a clip's length in bars (its right edge); snapToPasses rounds to whole passes of its loop. */
bool resizeClip(Arrangement& a, ClipRef clip, int bars, bool snapToPasses);
/** Splits the clips (all clips under the bar when none are given) at a bar strictly inside them. */
bool splitClips(Arrangement& a, ClipSelection clips, int bar);
/** Copies of the clips right after the span they cover, on the same lanes. `copies` gets them. */
bool duplicateClips(Arrangement& a, const ClipSelection& clips, ClipSelection* copies = nullptr);
bool deleteClips(Arrangement& a, const ClipSelection& clips);
ClipClipboard copyClips(const Arrangement& a, const ClipSelection& clips);
/** Pastes at `bar` with the first copied lane at `lane` (the clipboard's own lane when -1); each clip onto a lane of
    the role it was copied from. */
bool pasteClips(Arrangement& a, const ClipClipboard& board, int bar, int lane, ClipSelection* pasted = nullptr);

} // namespace loopmind
