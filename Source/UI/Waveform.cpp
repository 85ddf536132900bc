#include "UI/Waveform.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

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
