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

namespace {
/** Min/max over all channels (not their average, so a hard-panned hit still shows) per bin of perBin samples. */
WaveformSummary::Level finestLevel(const juce::AudioBuffer<float>& audio, int perBin)
{
    const int channels = audio.getNumChannels();
    const int frames = audio.getNumSamples();
    const int bins = int((std::int64_t(frames) + perBin - 1) / perBin);
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
    return finest;
}
} // namespace

WaveformSummary summariseWaveform(const juce::AudioBuffer<float>& audio, int finestSamplesPerBin)
{
    WaveformSummary summary;
    if (audio.getNumChannels() <= 0 || audio.getNumSamples() <= 0)
        return summary;
    summary.levels.push_back(finestLevel(audio, std::max(1, finestSamplesPerBin)));
    addCoarserLevels(summary);
    return summary;
}

WaveformSummary summariseWaveformForLibrary(const juce::AudioBuffer<float>& audio)
{
    int perBin = 256;
    while (std::int64_t(audio.getNumSamples()) > std::int64_t(perBin) * kLibraryWaveformMaxBins)
        perBin *= 2;
    WaveformSummary summary;
    if (audio.getNumChannels() <= 0 || audio.getNumSamples() <= 0)
        return summary;
    auto finest = finestLevel(audio, perBin);
    // Outward rounding keeps every peak visible; 1/127 steps are finer than any thumbnail's pixels.
    for (auto& v : finest.minimum)
        v = std::floor(std::clamp(v, -1.0f, 1.0f) * 127.0f) / 127.0f;
    for (auto& v : finest.maximum)
        v = std::ceil(std::clamp(v, -1.0f, 1.0f) * 127.0f) / 127.0f;
    summary.levels.push_back(std::move(finest));
    addCoarserLevels(summary);
    return summary;
}

} // namespace loopmind::analysis
