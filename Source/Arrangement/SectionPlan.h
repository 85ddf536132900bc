#pragma once
// The shape of the song: which sections in what order, how long, and the energy each aims for.
#include "Arrangement/Arrangement.h"
#include "Arrangement/StyleTemplate.h"
#include "Core/DeterministicRandom.h"
#include <optional>
#include <vector>

namespace loopmind {

/** A seeded choice among the style's section orders and bar counts. Without totalBars the song has the
    grammar's natural length; with it, lengths are scaled (multiples of the style's barMultiple when totalBars is one, else of 4) to exactly totalBars
    (at least 4). User energies, when given, replace the style's per section (the last one repeats). */
std::vector<ArrangementSection> planSections(const StyleTemplate& style, std::optional<int> totalBars,
                                             const std::vector<double>& energies, DeterministicRandom& random);

} // namespace loopmind
