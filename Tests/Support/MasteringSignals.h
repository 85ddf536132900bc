#pragma once
// Deterministic test music for the mastering and loudness tests, shared so every test file uses the
// same songs: a full groove and single-role loops (two bars at 120 BPM) for render arrangements.
#include <juce_audio_basics/juce_audio_basics.h>
#include <string>

namespace loopmind::test {

constexpr double masteringTestRate = 44100;

/** Kick, noise hats, a bass line and a chord pad, 'seconds' long, scaled by level. */
juce::AudioBuffer<float> grooveSignal(double seconds, float level);

/** Two bars at 120 BPM of one role: "drums", "bass" or anything else (chords). */
juce::AudioBuffer<float> roleLoop(const std::string& role, float level);

/** Largest sample-to-sample step over all channels: a click shows up as a jump. */
float largestJump(const juce::AudioBuffer<float>& audio);

} // namespace loopmind::test
