#include "UI/Waveform.h"
#include "Analysis/LoopAnalysis.h"
#include "Library/DecodedAudio.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

std::shared_ptr<const LoopThumbnail> computeThumbnail(const std::filesystem::path& file, int points)
{
    auto decoded = decodeAudioFile(file);
    if (!decoded || decoded->audio.getNumSamples() == 0)
        return nullptr;
    const auto& audio = decoded->audio;
    // The analysis summary's finest level already holds min/max per bin; fold it down to the points we draw.
    const int binSize = std::max(1, audio.getNumSamples() / (points * 4));
    const auto summary = analysis::summariseWaveform(audio, binSize);
    auto thumb = std::make_shared<LoopThumbnail>();
    thumb->minimum.assign(size_t(points), 0.0f);
    thumb->maximum.assign(size_t(points), 0.0f);
    if (summary.levels.empty() || summary.levels.front().minimum.empty()) {
        // No summary (should not happen): scan the samples directly.
        for (int i = 0; i < audio.getNumSamples(); ++i) {
            const auto p = size_t(std::min(points - 1, int(std::int64_t(i) * points / audio.getNumSamples())));
            for (int c = 0; c < audio.getNumChannels(); ++c) {
                const float s = audio.getSample(c, i);
                thumb->minimum[p] = std::min(thumb->minimum[p], s);
                thumb->maximum[p] = std::max(thumb->maximum[p], s);
            }
        }
        return thumb;
    }
    const auto& level = summary.levels.front();
    const size_t bins = std::min(level.minimum.size(), level.maximum.size());
    for (size_t b = 0; b < bins; ++b) {
        const auto p = std::min(size_t(points - 1), b * size_t(points) / bins);
        thumb->minimum[p] = std::min(thumb->minimum[p], level.minimum[b]);
        thumb->maximum[p] = std::max(thumb->maximum[p], level.maximum[b]);
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
