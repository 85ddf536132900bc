#pragma once
// Which track plays in which bar, and by which rule: the arranger's working surface before it becomes clips.
#include "Arrangement/Arrangement.h"
#include <string>
#include <vector>

namespace loopmind {

struct LayerGrid {
    int bars = 0;
    std::vector<std::vector<std::string>> rule; // [track][bar]: the rule that placed it, empty when silent
    std::vector<std::vector<char>> allowed;     // [track][bar]: within the section's layer budget

    LayerGrid(int tracks, int totalBars)
        : bars(totalBars), rule(size_t(tracks), std::vector<std::string>(size_t(totalBars))),
          allowed(size_t(tracks), std::vector<char>(size_t(totalBars), 0)) {}
    int tracks() const { return int(rule.size()); }
    bool on(int track, int bar) const { return !rule[size_t(track)][size_t(bar)].empty(); }
    void set(int track, int bar, const std::string& why) { rule[size_t(track)][size_t(bar)] = why; }
    void clear(int track, int bar) { rule[size_t(track)][size_t(bar)].clear(); }

    /** The on/off pattern of every track in bars [first, first + 8), as text: a block's identity. */
    std::string blockSignature(int first) const
    {
        std::string s;
        for (const auto& row : rule) {
            for (int b = first; b < first + 8; ++b)
                s += b < bars && !row[size_t(b)].empty() ? '1' : '0';
            s += '|';
        }
        return s;
    }
};

/** Clips of one track: runs of bars with the same rule, split at section boundaries. */
std::vector<ArrangementClip> clipsFromGrid(const LayerGrid& grid, int track, const std::vector<ArrangementSection>& sections,
                                           const std::string& keyRelation, double score);

} // namespace loopmind
