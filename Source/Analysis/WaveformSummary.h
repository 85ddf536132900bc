#pragma once
// Multi-resolution min/max overview of a loop, for drawing without decoding. Plain data (no JUCE), so
// LoopInfo can carry it. Computed by analysis::summariseWaveform / summariseWaveformForLibrary
// (Analysis/LoopAnalysis.h).
//
// Stable API for the app:
//   - levels[0] is the finest; each next level has samplesPerBin doubled and (bins + 1) / 2 bins;
//     the last level has fewer than 64 bins.
//   - minimum[i] / maximum[i] are the lowest and highest sample over all channels in bin i
//     (samples [i * samplesPerBin, (i + 1) * samplesPerBin) of the file's own rate), in -1..1 for
//     normal audio; minimum <= 0 <= maximum is NOT guaranteed (a bin can be all positive).
//   - levelFor(samplesPerPixel) picks what to draw at a zoom.
#include <cstddef>
#include <vector>

namespace loopmind::analysis {

struct WaveformSummary {
    struct Level {
        int samplesPerBin = 0;
        std::vector<float> minimum, maximum; // same length
    };
    std::vector<Level> levels; // finest first; empty for empty audio

    bool empty() const { return levels.empty() || levels.front().minimum.empty(); }

    /** The coarsest level whose bins are no wider than samplesPerPixel (the finest level when even
        that is too coarse); null when empty. */
    const Level* levelFor(double samplesPerPixel) const
    {
        if (empty())
            return nullptr;
        const Level* best = &levels.front();
        for (const auto& l : levels)
            if (double(l.samplesPerBin) <= samplesPerPixel)
                best = &l;
        return best;
    }
};

/** The library's copy has at most this many bins at its finest level (a power-of-two bin size of at
    least 256 samples): about 750 bins for an 8 s loop at 48 kHz, ~12 KiB in memory. */
inline constexpr int kLibraryWaveformMaxBins = 1024;

/** Adds the halvings of levels.back() until the coarsest has fewer than 64 bins. */
void addCoarserLevels(WaveformSummary& summary);

} // namespace loopmind::analysis
