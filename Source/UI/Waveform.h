#pragma once
// Small waveform pictures of loops, drawn anywhere (library rows, arrangement clips). Made from the waveform
// summary the analysis stores in LoopInfo (and its cache), so drawing never decodes a file. Message-thread store
// keyed by path.
#include "Analysis/WaveformSummary.h"
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

/** The summary's finest level folded to `points` min/max pairs; null when the summary is empty. No file access. */
std::shared_ptr<const LoopThumbnail> thumbnailFromSummary(const analysis::WaveformSummary& summary, int points = 256);

/** Draws the span [from, to) of the thumbnail (fractions of the loop) into area. */
void drawThumbnail(juce::Graphics& g, const LoopThumbnail& thumb, juce::Rectangle<float> area, juce::Colour colour,
                   double from = 0.0, double to = 1.0);

} // namespace loopmind
