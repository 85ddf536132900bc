#pragma once
// A song rendered to memory, unmastered (the plain sum): what the arrangement checker measures its energy curve on,
// since a limiter would flatten the arc. The render goes through a scratch file (the renderer writes files).
#include "Arrangement/Arrangement.h"
#include "Core/Result.h"
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind {

/** Renders into scratchWav (32-bit float) and reads it back; the caller removes the scratch file. */
Result<juce::AudioBuffer<float>> renderUnmastered(const Arrangement& a, const std::filesystem::path& scratchWav);

/** Each section's loudness (Arrangement/RenderedEnergy.h) of the unmastered render, read back from scratchWav piece
    by piece: memory stays small however long the song. */
Result<std::vector<double>> unmasteredSectionLoudness(const Arrangement& a, const std::filesystem::path& scratchWav);

} // namespace loopmind
