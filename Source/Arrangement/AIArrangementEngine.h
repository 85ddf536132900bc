#pragma once
// Builds a song from analysed loops: picks tempo and key (and says why), leaves out loops that do not fit (with
// the reason), lays out the style's sections, realises each section's energy as layers, adds transitions, keeps
// blocks from repeating, balances the track gains, and records a reason for every clip. Loops at a nearby tempo
// are kept: the renderer stretches them onto the grid. Seeded: same inputs, same song.
#include "Arrangement/Arrangement.h"
#include "Arrangement/LoopScorer.h"
#include "Arrangement/StyleTemplate.h"
#include "Library/LoopInfo.h"
#include <memory>
#include <vector>

namespace loopmind {

struct ArrangementRequest {
    std::uint64_t seed = 1;
    std::optional<double> bpm;   // default: the tempo most loops share
    std::optional<int> bars;     // default: the style grammar's natural length
    double sampleRate = 44100;
    int maxLoopsPerRole = 2;
    std::optional<StyleTemplate> style; // default: the style whose tempo range holds the project tempo, else house
    std::vector<double> energy;         // per section 0..1, replacing the style's (the last value repeats)
    std::shared_ptr<const LoopScorer> scorer;     // default: RuleLoopScorer
    std::optional<std::string> key;               // default: the key most pitched loops share (a remix keeps its song's)
    std::vector<ArrangementSection> sections;     // default: planned from the style (a remix may keep its song's)
};

class AIArrangementEngine {
public:
    Arrangement arrange(const std::vector<LoopInfo>& loops, const ArrangementRequest& request) const;

    /** Loops are time-stretched onto the project tempo within this range of length ratios; beyond it they sound
        wrong (smeared transients, sluggish or rushed grooves) and are left out. */
    static constexpr double minStretchRatio = 0.75, maxStretchRatio = 1.33;

    /** New length / old length to play the loop at bpm, after octave correction (the octave nearest 1); 0 without a tempo. */
    static double stretchRatio(const LoopInfo& loop, double bpm);

    /** How many project beats the loop spans once stretched to bpm: its own whole beats (duration x its tempo,
        within 1 %) times the octave factor, if that is whole bars or tiles a bar; 0 if not, or out of stretch range. */
    static int beatsOnProjectGrid(const LoopInfo& loop, double bpm, int beatsPerBar);
};

} // namespace loopmind
