#pragma once
// Realises each section's energy as which layers play: the style's layer budget per role caps each role, the
// energy picks how many of the allowed layers sound, and long sections change a layer every other 8 bars.
// Transitions (risers before boundaries, drum fills, drums out in a break) and the variation rules follow.
#include "Arrangement/LayerGrid.h"
#include "Arrangement/StyleTemplate.h"
#include "Core/DeterministicRandom.h"

namespace loopmind {

struct TrackSlot {
    std::string role;
    int layer = 0; // 0 for the role's main loop, 1 for the second, ...
};

/** Rule names written into the clips' reasons. */
namespace rules {
inline const char* const layerBudget = "layer-budget";
inline const char* const variation = "variation";
inline const char* const riser = "transition-riser";
inline const char* const repair = "variation-repair";
} // namespace rules

/** userEnergy: the energies came from the user, so every section may use the style's largest budget per role. */
void placeLayers(LayerGrid& grid, const std::vector<TrackSlot>& slots, const std::vector<ArrangementSection>& sections,
                 const StyleTemplate& style, bool userEnergy, DeterministicRandom& random);

/** Risers in the bars before sections in riserInto; drums drop out in the bars before sections in fillInto. */
void applyTransitions(LayerGrid& grid, const std::vector<TrackSlot>& slots, const std::vector<ArrangementSection>& sections,
                      const StyleTemplate& style);

/** No more than two identical consecutive 8-bar blocks, no block more than four times: the offending block's
    second half gains or loses a layer until both hold. Returns the number of edits. */
int enforceVariation(LayerGrid& grid, const std::vector<TrackSlot>& slots, DeterministicRandom& random);

/** The variation rules as measured: the longest run of identical consecutive 8-bar blocks and the most uses of one. */
struct BlockStats { int longestRun = 0; int mostUses = 0; };
BlockStats blockStats(const LayerGrid& grid);

} // namespace loopmind
