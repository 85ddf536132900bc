#include "Document/LoopThumbnail.h"
#include <algorithm>

namespace loopmind {

std::shared_ptr<const LoopThumbnail> thumbnailFromSummary(const analysis::WaveformSummary& summary, int points)
{
    if (summary.empty() || points <= 0)
        return nullptr;
    const auto& level = summary.levels.front();
    const size_t bins = std::min(level.minimum.size(), level.maximum.size());
    auto thumb = std::make_shared<LoopThumbnail>();
    // Each point covers whole bins: the extremes of all of them (a bin may be all positive, so start from it).
    thumb->minimum.assign(size_t(points), 0.0f);
    thumb->maximum.assign(size_t(points), 0.0f);
    std::vector<bool> seen(size_t(points), false);
    for (size_t b = 0; b < bins; ++b) {
        const auto p = std::min(size_t(points - 1), b * size_t(points) / bins);
        thumb->minimum[p] = seen[p] ? std::min(thumb->minimum[p], level.minimum[b]) : level.minimum[b];
        thumb->maximum[p] = seen[p] ? std::max(thumb->maximum[p], level.maximum[b]) : level.maximum[b];
        seen[p] = true;
    }
    // Fewer bins than points: a point with no bin of its own repeats the one before (the loop is stretched).
    for (size_t p = 1; p < size_t(points); ++p)
        if (!seen[p]) {
            thumb->minimum[p] = thumb->minimum[p - 1];
            thumb->maximum[p] = thumb->maximum[p - 1];
        }
    return thumb;
}

} // namespace loopmind
