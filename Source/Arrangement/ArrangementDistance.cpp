#include "Arrangement/ArrangementDistance.h"
#include <algorithm>
#include <vector>

namespace loopmind {

CellSet playedCells(const Arrangement& a)
{
    CellSet cells;
    for (const auto& t : a.tracks)
        for (const auto& c : t.clips)
            for (int b = c.startBar; b < c.startBar + c.bars; ++b) cells.insert({ t.loopPath.string(), b });
    return cells;
}

double cellDistance(const CellSet& x, const CellSet& y)
{
    size_t shared = 0;
    for (const auto& c : x) shared += y.count(c);
    const size_t either = x.size() + y.size() - shared;
    return either == 0 ? 0.0 : double(either - shared) / double(either);
}

double sectionDistance(const Arrangement& x, const Arrangement& y)
{
    const size_t n = x.sections.size(), m = y.sections.size();
    if (n == 0 && m == 0)
        return 0;
    std::vector<size_t> previous(m + 1), current(m + 1);
    for (size_t j = 0; j <= m; ++j) previous[j] = j;
    for (size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (size_t j = 1; j <= m; ++j)
            current[j] = std::min({ previous[j] + 1, current[j - 1] + 1,
                                    previous[j - 1] + (x.sections[i - 1].name == y.sections[j - 1].name ? 0 : 1) });
        std::swap(previous, current);
    }
    return double(previous[m]) / double(std::max(n, m));
}

double arrangementDistance(const Arrangement& x, const Arrangement& y)
{
    return cellWeight * cellDistance(playedCells(x), playedCells(y)) + (1.0 - cellWeight) * sectionDistance(x, y);
}

} // namespace loopmind
