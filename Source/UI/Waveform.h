#pragma once
// Small waveform pictures of loops: computed once per file off the message thread, drawn anywhere
// (library rows, arrangement clips). Message-thread store keyed by path.
#include <filesystem>
#include <juce_gui_basics/juce_gui_basics.h>
#include <map>
#include <memory>
#include <vector>

namespace loopmind {

struct LoopThumbnail {
    std::vector<float> minimum, maximum; // one pair per point, -1..1, mono (channels folded by extremes)
};

using ThumbnailMap = std::map<std::filesystem::path, std::shared_ptr<const LoopThumbnail>>;

/** Decodes the file and reduces it to `points` min/max pairs. Background threads only (it reads the file). */
std::shared_ptr<const LoopThumbnail> computeThumbnail(const std::filesystem::path& file, int points = 256);

/** Draws the span [from, to) of the thumbnail (fractions of the loop) into area. */
void drawThumbnail(juce::Graphics& g, const LoopThumbnail& thumb, juce::Rectangle<float> area, juce::Colour colour,
                   double from = 0.0, double to = 1.0);

} // namespace loopmind
