#pragma once
// The song: sections on a bar grid, one track per loop, which bars each track plays, and why; the mixer. Schema v3
// on disk (v1 and v2 still read).
#include "Core/MixerSettings.h"
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace loopmind {

struct ArrangementSection {
    std::string name; // intro, build, main, break, outro
    int startBar = 0;
    int bars = 0;
    double energy = 0; // 0..1, what the section aims for
    double gainDb = 0; // applied to every track in the section: energy realised as gain (SectionGain.h)
    std::string gainReason;
};

/** Why a clip is where it is, machine-readable (schema v2: tracks[].clips[].reason). */
struct PlacementReason {
    std::string rule;        // layer-budget, transition-riser, variation, repair; empty when unknown (v1 file, user edit)
    double energy = 0;       // the section's target energy 0..1
    std::string keyRelation; // same key, relative major/minor, a fifth apart, unpitched, no project key
    double score = 0;        // how well the loop fits the slot, 0..1
};

struct ArrangementClip {
    int startBar = 0;
    int bars = 0;
    PlacementReason reason;
};

struct ArrangementTrack {
    std::string name;
    std::string role;
    std::filesystem::path loopPath;
    double loopBpm = 0;
    int loopBeats = 0;                 // the loop repeats every loopBeats beats of the project
    std::optional<std::string> loopKey;
    double gainDb = 0;                 // the balance trim, before the strip's inserts
    std::vector<ArrangementClip> clips;
    std::string gainReason;            // how gainDb was chosen (mixdown balance); empty when unknown
    ChannelStrip strip;                // its pan (tracks[].pan on disk) and the rest (mixer.tracks[] on disk)
    bool frozen = false;               // plays its freeze file (Render/StemFreezer) instead of its loop and inserts
    int transpose = 0;                 // semitones the loop is pitch-shifted by (a change of the song's key), -12..12
};

struct ExcludedLoop {
    std::filesystem::path path;
    std::string reason;
};

struct Arrangement {
    static constexpr int currentSchemaVersion = 3;
    std::string style;       // the style template used (v2); empty for v1 files
    std::string tempoReason; // why this tempo (v2 choices.tempo)
    std::string keyReason;   // why this key (v2 choices.key)
    std::string scorer;      // the loop scorer when not the rule-based one (v2 scorer.name), and its model's SHA-256
    std::string scorerHash;
    std::optional<std::uint64_t> remixSourceSeed; // a remix: the seed of the song it came from, the distance asked
    double remixDistance = 0, remixMeasured = 0;  // for and the distance measured (v2 remix)
    std::uint64_t seed = 1;
    double bpm = 120;
    std::optional<std::string> key;
    double sampleRate = 44100;
    int beatsPerBar = 4;
    std::vector<ArrangementSection> sections;
    std::vector<ArrangementTrack> tracks;
    std::vector<ExcludedLoop> excluded;
    MixerSettings mixer;     // returns, groups, master (v3); empty for older files

    int totalBars() const;
    double samplesPerBeat() const { return sampleRate * 60.0 / bpm; }
    /** First sample of a bar (or beat) on the grid; rounding once per position keeps long songs from drifting. */
    std::int64_t sampleAtBeat(double beat) const;
    std::int64_t sampleAtBar(int bar) const { return sampleAtBeat(double(bar) * beatsPerBar); }
    std::int64_t lengthInSamples() const { return sampleAtBar(totalBars()); }
    double lengthInSeconds() const { return double(lengthInSamples()) / sampleRate; }
};

} // namespace loopmind
