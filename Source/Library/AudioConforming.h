#pragma once
// Brings decoded audio to what the engine plays: stereo at the project sample rate. Runs when a song is
// prepared, never on the audio thread. Resampling is libsamplerate's best sinc converter.
#include "Core/Result.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <filesystem>
#include <memory>

namespace loopmind {

/** Mono goes to both sides; more than two channels fold even channels left and odd right, beyond the first
    two at -3 dB each. */
juce::AudioBuffer<float> toStereo(const juce::AudioBuffer<float>& in);
/** The same into out's first numSamples (out has 2 channels and room for them). */
void foldToStereo(const juce::AudioBuffer<float>& in, juce::AudioBuffer<float>& out, int numSamples);

/** periodic: the audio is a loop, so its end continues into its start (keeps the seam clean). */
Result<juce::AudioBuffer<float>> resampleAudio(const juce::AudioBuffer<float>& in, double fromRate, double toRate, bool periodic);

/** toStereo then resampleAudio, shared read-only as the engine holds audio; an error names `path`, the file it came from. */
Result<std::shared_ptr<const juce::AudioBuffer<float>>> conformedStereo(const std::filesystem::path& path, const juce::AudioBuffer<float>& in,
                                                                        double fromRate, double toRate, bool periodic);

} // namespace loopmind
