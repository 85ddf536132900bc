#pragma once
// Drum loops from recorded drum samples: Debian's hydrogen-drumkits (kick, snare, hats of several kits; hand
// percussion for sparse loops), placed at a pattern's hits and mixed at its tempo. Hits that ring past the loop's
// end fold into its start, as a loop played round does.
#include "Support/LoopPatterns.h"
#include <array>
#include <juce_audio_basics/juce_audio_basics.h>
#include <string>
#include <vector>

namespace loopmind::test {

inline const char* const kHydrogenKits = "/usr/share/hydrogen/data/drumkits";

struct DrumKit {
    std::string name;                                     // the kit's folder
    std::array<juce::AudioBuffer<float>, DrumVoiceCount> voices; // stereo at the set's rate; empty when the kit lacks it
};

/** The kits the set uses, by folder name; each lists files for the voices it has. */
const std::vector<std::string>& drumKitNames();

/** Loads a kit's samples (resampled linearly to `sampleRate` when they differ). Throws when a file is missing. */
DrumKit loadDrumKit(const std::string& name, double sampleRate);

/** Mixes the hits into a loop of exactly `lengthSamples` (circular), at `bpm` with `swing`. */
juce::AudioBuffer<float> mixDrumLoop(const DrumKit& kit, const std::vector<DrumHit>& hits, double bpm, double swing,
                                     int lengthSamples, double sampleRate);

} // namespace loopmind::test
