#pragma once
// Decoding one audio file into memory, defensively: a bad file gives an error naming it, never a crash,
// a hang or an allocation the file cannot justify (the checks are openAudioFile's).
#include "Analysis/LoopAnalysis.h"
#include "Core/Result.h"
#include "Library/AudioFileOpening.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <filesystem>
#include <optional>
#include <string>

namespace loopmind {

struct DecodedAudio {
    juce::AudioBuffer<float> audio;
    double sampleRate = 0;
    int bitDepth = 0;
    std::string formatName;
    std::string warning; // e.g. truncation: the file loaded, but not all of it was there
    /** What the file itself says about its tempo, as loop tools write it (an ACID chunk in a WAV, Apple
        Loops' beat count in an AIFF), when that agrees with the file's length; producers set these by hand. */
    std::optional<double> declaredBpm;
    int declaredBeats = 0;
    bool declaredOneShot = false; // flagged as a one-shot: no tempo at all
    std::optional<analysis::KeyHint> declaredKey; // the root note the file states (ACID, Apple Loops), and its mode when stated
};

/** Replaces NaN and infinities (a damaged file's decoder output) by silence; true if there were any. */
bool silenceNonFinite(juce::AudioBuffer<float>& audio, int numSamples);

Result<DecodedAudio> decodeAudioFile(const std::filesystem::path& path, const DecodeLimits& limits = {});

} // namespace loopmind
