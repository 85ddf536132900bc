#pragma once
// The shape of the song: which sections, how long, and which roles play in each.
#include "Arrangement/Arrangement.h"
#include "Core/DeterministicRandom.h"
#include <vector>

namespace loopmind {

/** Sections that add up to exactly totalBars (at least 4), in multiples of 4 bars where possible. */
std::vector<ArrangementSection> planSections(int totalBars, DeterministicRandom& random);

/** Bars a track of this role plays; layer 0 is the main loop of the role, layer 1 a second one on top. */
std::vector<ArrangementClip> placeClips(const std::vector<ArrangementSection>& sections, const std::string& role,
                                        int layer, DeterministicRandom& random);

double defaultGainDb(const std::string& role);

} // namespace loopmind
