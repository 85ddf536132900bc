#pragma once
// Offline time-stretching of a loop to an exact length, for loops whose tempo differs from the project's.
// Rubber Band (R3 "finer" engine where the installed library has it), at prepare time, never on the audio thread.
#include "Core/Result.h"
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>

namespace loopmind {

/** The loop, any channel count, stretched to exactly targetLength samples without changing pitch. The result
    repeats seamlessly: its end runs into its start as the original's did. Deterministic (single-threaded). */
Result<juce::AudioBuffer<float>> stretchLoop(const juce::AudioBuffer<float>& loop, double sampleRate, int targetLength);

using SharedLoopAudio = std::shared_ptr<const juce::AudioBuffer<float>>;

/** The loop fitted to targetLength samples (its beats at the project tempo): returned as it is when already within
    2 ms (each pass restarts on a beat, so that never drifts), stretched otherwise. Errors name the file. */
Result<SharedLoopAudio> fitLoopToLength(SharedLoopAudio loop, double sampleRate, int targetLength, const std::filesystem::path& file);

/** Which Rubber Band engine stretchLoop uses: 3 for R3 (finer), 2 for R2. */
int loopStretchEngineVersion();

} // namespace loopmind
