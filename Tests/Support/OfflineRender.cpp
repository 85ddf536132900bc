#include "Support/OfflineRender.h"
#include <catch2/catch.hpp>

namespace loopmind::test {

Rendered renderOffline(const TempFolder& dir, const std::vector<PlaybackTrack>& tracks, const MixerLayout& layout, double seconds,
                       int workers, const std::string& name, double sampleRate)
{
    RenderJob job;
    job.sampleRate = sampleRate;
    job.lengthInSamples = std::int64_t(seconds * sampleRate);
    job.tracks = tracks;
    job.mixer = layout;
    job.workers = workers;
    job.output.mixPath = dir / (name + ".wav");
    job.output.stemsFolder = dir / (name + "-stems");
    job.output.bitDepth = 32;
    job.output.mastering.enabled = false;
    JobControl control;
    Rendered r;
    r.report = AIAsyncRenderer::render(job, control);
    REQUIRE(r.report.ok);
    r.mix = readAudioFile(r.report.mixPath);
    for (const auto& p : r.report.stemPaths)
        r.stems.push_back(readAudioFile(p));
    return r;
}

float largestDifference(const juce::AudioBuffer<float>& a, const juce::AudioBuffer<float>& b)
{
    float worst = 0;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < std::min(a.getNumSamples(), b.getNumSamples()); ++i)
            worst = std::max(worst, std::abs(a.getSample(c, i) - b.getSample(c, i)));
    return worst;
}

float rms(const juce::AudioBuffer<float>& b, int start, int length)
{
    if (length < 0)
        length = b.getNumSamples() - start;
    return std::max(b.getRMSLevel(0, start, length), b.getRMSLevel(1, start, length));
}

} // namespace loopmind::test
