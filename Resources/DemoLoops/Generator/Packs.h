#pragma once
// The demo packs: what each loop is (the manifest truth) and how to render it.
#include "Dsp.h"

#include <string>
#include <vector>

namespace loopmind::demogen {

/** Maps the 16th-note grid of one loop to sample positions. */
struct Grid {
    double sampleRate;
    double bpm;
    int bars;
    double swing = 0.5; // 0.5 = straight; larger delays every second 16th

    double samplesPerStep() const { return sampleRate * 60.0 / bpm / 4.0; }
    int steps() const { return bars * 16; }

    /** Sample position of a (possibly fractional) 16th step; off-beat 16ths are swung. */
    std::int64_t at(double step) const
    {
        const double whole = std::floor(step);
        const bool offBeat = (std::int64_t(whole) % 2) != 0;
        return std::llround((step + (offBeat ? 2.0 * (swing - 0.5) : 0.0)) * samplesPerStep());
    }

    /** Length in samples of a number of 16th steps. */
    std::int64_t length(double steps) const { return std::llround(steps * samplesPerStep()); }
};

using RenderFn = void (*)(LoopBuffer&, const Grid&, Rng&);

struct LoopSpec {
    std::string folder;   // pack folder, UTF-8
    std::string fileName; // UTF-8; some names carry role/BPM words, some deliberately do not
    int bpm;
    int bars;
    std::string key;      // "A minor", "F major", or "none" for unpitched loops
    std::string role;     // drums | bass | chords | melody | fx
    int sampleRate;
    int channels;
    double swing;
    std::uint64_t seed;
    RenderFn render;

    /** bars * 4 beats * 60 / bpm seconds, rounded to whole samples. */
    std::int64_t lengthInSamples() const
    {
        return std::llround(double(bars) * 4.0 * 60.0 * double(sampleRate) / double(bpm));
    }
};

std::vector<LoopSpec> housePack();
std::vector<LoopSpec> boomBapPack();

} // namespace loopmind::demogen
