#pragma once
// Offline time-stretching of a loop to an exact length, for loops whose tempo differs from the project's.
// Rubber Band (R3 "finer" engine where the installed library has it), at prepare time, never on the audio thread.
#include "Core/Result.h"
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>
#include <string>

namespace loopmind {

/** How a loop is stretched: percussive material keeps every attack exactly (drums), tonal material keeps its
    partials clean (everything else). */
enum class StretchCharacter { tonal, percussive };

/** The character for an analysed role: drums are percussive. */
StretchCharacter stretchCharacterFor(const std::string& role);

/** The loop, any channel count, stretched to exactly targetLength samples, its pitch changed by `semitones` (0:
    unchanged). The result repeats seamlessly: its end runs into its start as the original's did. Deterministic
    (single-threaded). */
Result<juce::AudioBuffer<float>> stretchLoop(const juce::AudioBuffer<float>& loop, double sampleRate, int targetLength,
                                             StretchCharacter character = StretchCharacter::tonal, int semitones = 0);

using SharedLoopAudio = std::shared_ptr<const juce::AudioBuffer<float>>;

/** The loop fitted to targetLength samples (its beats at the project tempo) and transposed by `semitones`: returned
    as it is when already within 2 ms and not transposed (each pass restarts on a beat, so that never drifts),
    stretched otherwise. Either way it repeats without a click (Library/SeamlessLoop); a loop that already does is
    returned as it is. Errors name the file. */
Result<SharedLoopAudio> fitLoopToLength(SharedLoopAudio loop, double sampleRate, int targetLength, const std::filesystem::path& file,
                                        StretchCharacter character = StretchCharacter::tonal, int semitones = 0);

/** Which Rubber Band engine stretchLoop uses for tonal loops: 3 for R3 (finer), 2 for R2. */
int loopStretchEngineVersion();

} // namespace loopmind
