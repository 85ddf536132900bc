#pragma once
// The labelled hard test set for analysis accuracy (issue 5, "Proof"): swing, half-time drums, 60-190 BPM,
// 44.1/48 kHz, bass-only lines, minor and major keys on several tonics, arrhythmic textures and one-shots.
// Generated at test time into the build tree (`loopmind_demogen --test-set DIR`), never shipped.
#include "Packs.h"

#include <functional>
#include <string>
#include <vector>

namespace loopmind::demogen {

struct TestItem {
    std::string category; // straight | swing | halftime | bass | chords | melody | texture | oneshot
    int bpm = 0;          // 0 = no tempo (arrhythmic, one-shot): the manifest says null
    int bars = 0;         // whole bars of the loop (0 when bpm is 0)
    double seconds = 0.0; // length when bpm is 0
    std::string key;      // "A minor", "none" (unpitched) or "ambiguous" (one note, one triad)
    std::vector<std::string> keyCandidates; // for "ambiguous": keys a listener could defend
    std::string role;
    int sampleRate = 44100;
    int channels = 2;
    double swing = 0.5;
    double peakDb = -1.5;
    std::string hint; // a descriptive name, used only by the separate "with name hints" test
    std::uint64_t seed = 0;
    std::function<void(LoopBuffer&, const Grid&, Rng&)> render; // Grid at 120 BPM when bpm is 0

    std::int64_t lengthInSamples() const
    {
        if (bpm > 0) return std::llround(double(bars) * 4.0 * 60.0 * double(sampleRate) / double(bpm));
        return std::llround(seconds * double(sampleRate));
    }
};

std::vector<TestItem> hardTestSet();

} // namespace loopmind::demogen
