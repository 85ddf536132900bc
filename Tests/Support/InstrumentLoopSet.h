#pragma once
// A labelled set of loops played by real instruments, built at test time (no audio in git): pitched patterns
// rendered through General MIDI programs (fluidsynth + FluidR3), drum and percussion loops mixed from recorded
// hydrogen kits, some with a reverb tail or saturation. Truth comes from the patterns. A third is held out by
// instrument and key: its GM programs, kits and keys never occur in the other two thirds (the part one may tune on).
// Generated once per generator version into a temp folder, deterministically (seeded).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace loopmind::test {

struct InstrumentLoop {
    std::string file;          // name inside the set's folder: neutral ("il-017.wav"), or with the tempo when `named`
    std::string kind;          // pattern class: bass8, bass-staccato, bass-offbeat, stab, pad, drone, arp, lead,
                               // rock, four-floor, half-time, breakbeat, dnb, hiphop, sparse-perc
    std::string role;          // bass, chords, melody, drums
    std::optional<double> bpm; // the pattern's tempo
    std::string key;           // "A minor", "F# major"; "none" for drums
    std::string instrument;    // GM program number or kit name
    bool heldOut = false;
    bool named = false;        // the tempo is written in the file name (the name-hint path)
};

struct InstrumentLoopSet {
    std::filesystem::path folder;
    std::vector<InstrumentLoop> loops;
    double sampleRate = 44100.0;
};

/** The set, generated on first use (about a minute on two cores) and reused afterwards. Throws with a message
    naming setup.sh when fluidsynth, the soundfont or the drum kits are missing. */
InstrumentLoopSet instrumentLoopSet();

/** More in-sample material (kinds marked "+bass8" etc.): other GM programs, never the held-out third's, in-sample keys;
    since version 2 also drum grooves on the in-sample kits and lines at slow and fast tempi; its own folder. For
    checking rules beyond the material they were read from. */
InstrumentLoopSet extraInstrumentLoopSet();

} // namespace loopmind::test
