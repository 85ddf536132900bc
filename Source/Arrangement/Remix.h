#pragma once
// A remix of an existing song at a chosen distance (docs/ARRANGEMENT.md, "Remix"): tempo, key and length stay;
// loops, layers and (for larger distances) the section order change until the measured distance
// (ArrangementDistance.h) is as near the request as the loops allow. Seeded; distance 0 returns the song itself.
#include "Arrangement/Arrangement.h"
#include "Library/LoopInfo.h"
#include <vector>

namespace loopmind {

struct RemixRequest {
    double distance = 0.3;           // 0..1
    std::uint64_t seed = 1;
    std::vector<LoopInfo> extraLoops; // analysed loops the remix may bring in besides the song's own
};

struct RemixResult {
    Arrangement arrangement;
    double measured = 0;  // arrangementDistance(source, arrangement)
    std::string note;     // how it was reached, or why the request could not be met closer
};

RemixResult remixArrangement(const Arrangement& source, const RemixRequest& request);

} // namespace loopmind
