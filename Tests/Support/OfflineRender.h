#pragma once
// Renders tracks through the offline renderer (mix + stems, 32-bit float, unmastered) and reads the files back,
// for tests of the mixer and of hosted plug-ins; and the two measures those tests compare renders with.
#include "Engine/TrackGraph.h"
#include "Render/AIAsyncRenderer.h"
#include "Support/TestFiles.h"
#include <string>
#include <vector>

namespace loopmind::test {

struct Rendered {
    RenderReport report;
    juce::AudioBuffer<float> mix;
    std::vector<juce::AudioBuffer<float>> stems;
};

/** Requires the render to succeed. workers: 0 serial. */
Rendered renderOffline(const TempFolder& dir, const std::vector<PlaybackTrack>& tracks, const MixerLayout& layout, double seconds,
                       int workers = 0, const std::string& name = "mix", double sampleRate = 48000);

float largestDifference(const juce::AudioBuffer<float>& a, const juce::AudioBuffer<float>& b);
float rms(const juce::AudioBuffer<float>& b, int start = 0, int length = -1);

} // namespace loopmind::test
