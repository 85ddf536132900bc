// Min/max overview of a buffer for drawing: one finest level, then halvings until it fits in < 64 bins.
#include "Analysis/WaveformSummary.h"
#include "Analysis/LoopAnalysis.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis {

void addCoarserLevels(WaveformSummary& summary)
{
    while (!summary.levels.empty() && summary.levels.back().minimum.size() >= 64) {
        const auto& prev = summary.levels.back();
        const size_t n = (prev.minimum.size() + 1) / 2;
        WaveformSummary::Level next;
        next.samplesPerBin = prev.samplesPerBin * 2;
        next.minimum.resize(n);
        next.maximum.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const size_t a = 2 * i, b = std::min(2 * i + 1, prev.minimum.size() - 1);
            next.minimum[i] = std::min(prev.minimum[a], prev.minimum[b]);
            next.maximum[i] = std::max(prev.maximum[a], prev.maximum[b]);
        }
        summary.levels.push_back(std::move(next));
    }
}

WaveformSummary summariseWaveform(const juce::AudioBuffer<float>& audio, int finestSamplesPerBin)
{
    WaveformSummary summary;
    const int channels = audio.getNumChannels();
    const int frames = audio.getNumSamples();
    if (channels <= 0 || frames <= 0)
        return summary;
    const int perBin = std::max(1, finestSamplesPerBin);
    const int bins = int((std::int64_t(frames) + perBin - 1) / perBin);

    // The envelope over all channels (not their average) so a hard-panned hit still shows.
    WaveformSummary::Level finest;
    finest.samplesPerBin = perBin;
    finest.minimum.assign(size_t(bins), 0.0f);
    finest.maximum.assign(size_t(bins), 0.0f);
    for (int b = 0; b < bins; ++b) {
        const int start = b * perBin, end = std::min(frames, start + perBin);
        float lo = 0.0f, hi = 0.0f;
        bool any = false;
        for (int c = 0; c < channels; ++c) {
            const float* data = audio.getReadPointer(c);
            for (int i = start; i < end; ++i) {
                const float s = data[i];
                if (!std::isfinite(s))
                    continue;
                lo = any ? std::min(lo, s) : s;
                hi = any ? std::max(hi, s) : s;
                any = true;
            }
        }
        finest.minimum[size_t(b)] = lo;
        finest.maximum[size_t(b)] = hi;
    }
    summary.levels.push_back(std::move(finest));
    addCoarserLevels(summary);
    return summary;
}

WaveformSummary summariseWaveformForLibrary(const juce::AudioBuffer<float>& audio)
{
    int perBin = 256;
    while (std::int64_t(audio.getNumSamples()) > std::int64_t(perBin) * kLibraryWaveformMaxBins)
        perBin *= 2;
    auto full = summariseWaveform(audio, perBin);
    if (full.empty())
        return full;
    // Outward rounding keeps every peak visible; 1/127 steps are finer than any thumbnail's pixels.
    auto& finest = full.levels.front();
    for (auto& v : finest.minimum)
        v = std::floor(std::clamp(v, -1.0f, 1.0f) * 127.0f) / 127.0f;
    for (auto& v : finest.maximum)
        v = std::ceil(std::clamp(v, -1.0f, 1.0f) * 127.0f) / 127.0f;
    full.levels.resize(1);
    addCoarserLevels(full);
    return full;
}

} // namespace loopmind::analysis
