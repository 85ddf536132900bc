#include "UI/Waveform.h"
#include <algorithm>
#include <cmath>

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

void drawThumbnail(juce::Graphics& g, const LoopThumbnail& thumb, juce::Rectangle<float> area, juce::Colour colour, double from,
                   double to)
{
    const int n = int(thumb.minimum.size());
    if (n == 0 || area.getWidth() < 1.0f || to <= from)
        return;
    g.setColour(colour);
    const float mid = area.getCentreY(), half = area.getHeight() * 0.5f;
    const int columns = int(area.getWidth());
    for (int x = 0; x < columns; ++x) {
        // Each pixel column covers a range of points: draw their extremes so short peaks stay visible.
        const double f0 = from + (to - from) * double(x) / columns, f1 = from + (to - from) * double(x + 1) / columns;
        int p0 = std::clamp(int(f0 * n), 0, n - 1), p1 = std::clamp(int(std::ceil(f1 * n)), p0 + 1, n);
        float lo = 0.0f, hi = 0.0f;
        for (int p = p0; p < p1; ++p) {
            lo = std::min(lo, thumb.minimum[size_t(p)]);
            hi = std::max(hi, thumb.maximum[size_t(p)]);
        }
        const float top = mid - std::min(1.0f, hi) * half, bottom = mid - std::max(-1.0f, lo) * half;
        g.fillRect(area.getX() + float(x), top, 1.0f, std::max(1.0f, bottom - top));
    }
}

} // namespace loopmind
