#include "Arrangement/LayerGrid.h"

namespace loopmind {

std::vector<ArrangementClip> clipsFromGrid(const LayerGrid& grid, int track, const std::vector<ArrangementSection>& sections,
                                           const std::string& keyRelation, double score)
{
    std::vector<ArrangementClip> clips;
    const auto& row = grid.rule[size_t(track)];
    for (const auto& s : sections) {
        int b = s.startBar;
        const int end = std::min(s.startBar + s.bars, grid.bars);
        while (b < end) {
            if (row[size_t(b)].empty()) { ++b; continue; }
            int e = b + 1;
            while (e < end && row[size_t(e)] == row[size_t(b)])
                ++e;
            clips.push_back({ b, e - b, { row[size_t(b)], s.energy, keyRelation, score } });
            b = e;
        }
    }
    return clips;
}

} // namespace loopmind
