#pragma once
// A frozen track: its player and inserts rendered once into audio as long as the song (Render/StemFreezer), played
// from the transport's position instead of running them. Read-only once made; shared by the sessions that play it.
#include "Engine/TransportPlayHead.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>

namespace loopmind {

/** Where a strip reads its frozen input from: the audio, the transport, and how far the strip lags the transport
    (its inserts' latency, which the plan compensates downstream as if they still ran). */
struct FrozenSource {
    std::shared_ptr<const juce::AudioBuffer<float>> audio;
    const TransportPlayHead* playHead = nullptr;
    int latency = 0;
};

/** Writes numSamples of the frozen audio from timeline sample `start` into out's first two channels; silence
    outside the audio. Real-time safe. */
void readFrozen(const juce::AudioBuffer<float>& audio, std::int64_t start, juce::AudioBuffer<float>& out, int numSamples);

} // namespace loopmind
