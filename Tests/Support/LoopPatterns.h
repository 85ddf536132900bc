#pragma once
// Musical patterns for the real-instrument test set, in beats: bass lines, chord stabs, pads, arpeggios, leads
// and drum grooves. Deterministic given the seed; nothing here knows about audio.
#include <cstdint>
#include <random>
#include <vector>

namespace loopmind::test {

/** A seeded source of choices; its own arithmetic (not std distributions), so every platform draws the same. */
class PatternRng {
public:
    explicit PatternRng(std::uint32_t seed) : engine(seed) {}
    double uniform() { return double(engine()) / 4294967296.0; } // [0, 1)
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return int(uniform() * n); }
    bool chance(double p) { return uniform() < p; }

private:
    std::mt19937 engine;
};

struct NoteEvent {
    double beat = 0.0;   // start, in beats from the loop's start (may lie past the end: it is cut or folded)
    double length = 0.0; // in beats
    int pitch = 60;      // MIDI note
    int velocity = 100;  // 1..127
};

enum class PitchedKind { Bass8, BassStaccato, BassOffbeat, Stab, Pad, Drone, Arp, Lead };

/** A pattern over `beats` beats in the key (tonic C = 0, minor or major); bars of 4 beats each carry one chord. */
std::vector<NoteEvent> pitchedPattern(PitchedKind kind, int tonic, bool minor, int beats, PatternRng& rng);

enum DrumVoice { Kick, Snare, ClosedHat, OpenHat, PercA, PercB, PercC, DrumVoiceCount };

struct DrumHit {
    double beat = 0.0;
    DrumVoice voice = Kick;
    float gain = 1.0f;
};

// The last three are variants used only by the in-sample widening (generator version 2): a busier drum-and-bass
// groove, boom-bap with 8th-note hats, and a trap-style groove at 66-80 with hat rolls.
enum class DrumKind { Rock, FourFloor, HalfTime, Breakbeat, DrumAndBass, HipHop, SparsePerc, DrumAndBassBusy, BoomBap, Trap };

std::vector<DrumHit> drumPattern(DrumKind kind, int beats, PatternRng& rng);

/** Moves off-beat 8ths late: swing 0.5 is straight, 0.62 puts the "and" at 62 % of the beat. */
double swungBeat(double beat, double swing);

} // namespace loopmind::test
