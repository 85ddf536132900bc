#pragma once
// Energy realised as gain as well as layers. Layers alone cannot always tell sections apart: a pack with one loop
// per role plays the same four loops in a verse and a hook. So each section gets a gain that brings its predicted
// loudness (the sum of its playing tracks' balanced loudness) to a target that falls with its energy:
// target = the peak section's predicted loudness - dbPerEnergy x (peak energy - energy), within cut/boost limits.
// The gain and its reason go into arrangement.json (sections[].gainDb, sections[].gainReason).
#include "Arrangement/Arrangement.h"
#include <vector>

namespace loopmind {

constexpr double dbPerEnergy = 12.0, maxSectionCutDb = -12.0, maxSectionBoostDb = 3.0;

/** trackLoudness: each track's loudness on the bus (its loop's LUFS + gainDb), parallel to a.tracks. */
void applySectionGains(Arrangement& a, const std::vector<double>& trackLoudness);

/** The section gain at a bar (0 outside the song). */
double sectionGainAt(const Arrangement& a, int bar);

} // namespace loopmind
