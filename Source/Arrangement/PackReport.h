#pragma once
// `loopmind arrange --explain`: the pack report. Clusters of loops that belong together (by key and by tempo),
// the style, tempo and key chosen and why, each loop used (role, key relation, score, gain) and each left out, why.
#include "Arrangement/Arrangement.h"
#include "Library/LoopInfo.h"
#include <string>
#include <vector>

namespace loopmind {

std::string explainPack(const std::vector<LoopInfo>& loops, const Arrangement& a, bool styleAsked);

} // namespace loopmind
