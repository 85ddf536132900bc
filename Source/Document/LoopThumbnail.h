#pragma once
// Small waveform pictures of loops (library rows, arrangement clips), made from the waveform summary the analysis
// stores in LoopInfo (and its cache), so drawing never decodes a file. The document keeps them by path; UI/Waveform
// draws them.
#include "Analysis/WaveformSummary.h"
#include <filesystem>
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

} // namespace loopmind
