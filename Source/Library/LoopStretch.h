#pragma once
// Offline time-stretching of a loop to an exact length, for loops whose tempo differs from the project's.
// Rubber Band (R3 "finer" engine where the installed library has it), at prepare time, never on the audio thread.
#include "Core/Result.h"
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind {

/** The loop, any channel count, stretched to exactly targetLength samples without changing pitch. The result
    repeats seamlessly: its end runs into its start as the original's did. Deterministic (single-threaded). */
Result<juce::AudioBuffer<float>> stretchLoop(const juce::AudioBuffer<float>& loop, double sampleRate, int targetLength);

/** Which Rubber Band engine stretchLoop uses: 3 for R3 (finer), 2 for R2. */
int loopStretchEngineVersion();

} // namespace loopmind
