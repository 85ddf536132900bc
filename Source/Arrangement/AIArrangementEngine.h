#pragma once
// Builds a song from analysed loops: picks tempo and key, leaves out loops that do not fit (with the
// reason), lays out sections and decides which loop plays where. Seeded: same inputs, same song.
#include "Arrangement/Arrangement.h"
#include "Library/LoopInfo.h"
#include <vector>

namespace loopmind {

struct ArrangementRequest {
    std::uint64_t seed = 1;
    std::optional<double> bpm;   // default: the tempo most loops share
    std::optional<int> bars;     // default: 64
    double sampleRate = 44100;
    int maxLoopsPerRole = 2;
};

class AIArrangementEngine {
public:
    Arrangement arrange(const std::vector<LoopInfo>& loops, const ArrangementRequest& request) const;

    /** How many project beats the loop spans at bpm, if it lands within 1 % of a bar grid multiple; 0 if not. */
    static int beatsOnProjectGrid(const LoopInfo& loop, double bpm, int beatsPerBar);
};

} // namespace loopmind
