#pragma once
// Renders note patterns through real General MIDI instruments: the patterns are written as one MIDI file
// (juce::MidiFile), each in its own time slot with its own program, and rendered by the fluidsynth CLI with
// Debian's FluidR3 soundfont. One process per batch: loading the 140 MB soundfont dominates a single note.
#include "Support/LoopPatterns.h"
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <string>
#include <vector>

namespace loopmind::test {

inline const char* const kGeneralMidiSoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

struct SynthPart {
    std::vector<NoteEvent> notes;
    int program = 0;       // General MIDI program, 0-based
    double bpm = 120.0;
    double swing = 0.5;    // see swungBeat
    double startSeconds = 0.0; // the slot's start in the rendered file
    double spanSeconds = 0.0;  // the slot's length (loop plus release tail); everything stops after it
};

/** Writes each batch of parts as one MIDI file and renders them to stereo at `sampleRate` with fluidsynth, two
    processes at a time (no fluidsynth reverb or chorus: the set adds its own effects). One buffer per batch, or an
    empty vector and `error`. */
std::vector<juce::AudioBuffer<float>> renderPartBatches(const std::vector<std::vector<SynthPart>>& batches,
                                                        const std::filesystem::path& workFolder, double sampleRate,
                                                        std::string& error);

} // namespace loopmind::test
