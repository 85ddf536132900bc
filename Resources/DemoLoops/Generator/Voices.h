#pragma once
// Synthesised instruments. Each call renders one note or hit into a LoopBuffer (wrapping at the
// loop end); every voice has an envelope that starts and ends at zero, so nothing clicks.
#include "Dsp.h"

namespace loopmind::demogen {

struct Target {
    LoopBuffer& out;
    double sampleRate;
};

struct Note {
    std::int64_t start;  // sample position in the loop
    std::int64_t length; // samples until note-off
    double midi;
    double velocity;     // 0..1
    double pan = 0.0;    // -1..1
};

struct KickParams {
    double startHz = 150.0, endHz = 50.0, sweepSeconds = 0.035, decaySeconds = 0.16;
    double click = 0.35, drive = 1.6;
};
void kick(Target t, std::int64_t start, double velocity, const KickParams& p, Rng& rng);

struct SnareParams {
    double toneHz = 185.0, toneDecay = 0.05, noiseHz = 2200.0, noiseQ = 0.8, noiseDecay = 0.11;
    double toneMix = 0.45, pan = 0.0;
};
void snare(Target t, std::int64_t start, double velocity, const SnareParams& p, Rng& rng);

/** Three quick noise bursts and a tail, like hands clapping slightly apart. */
void clap(Target t, std::int64_t start, double velocity, double pan, Rng& rng);

struct HatParams {
    double decaySeconds = 0.035, chokeSeconds = 1.0, cutoffHz = 7000.0, pan = 0.0;
};
void hat(Target t, std::int64_t start, double velocity, const HatParams& p, Rng& rng);

struct BassParams {
    bool square = false;
    double cutoffHz = 220.0, envHz = 900.0, filterDecay = 0.12, q = 0.9, sub = 0.5, drive = 1.4;
    double attack = 0.004, decay = 0.3, sustain = 0.75, release = 0.04;
};
void bass(Target t, const Note& n, const BassParams& p);

struct PadParams {
    double cutoffHz = 900.0, envHz = 2200.0, filterDecay = 0.15, detuneCents = 9.0, spread = 0.7;
    double attack = 0.006, decay = 0.25, sustain = 0.6, release = 0.08;
};
/** Three detuned saws spread across the stereo field through a swept low-pass. */
void sawChordNote(Target t, const Note& n, const PadParams& p, Rng& rng);

struct EPianoParams {
    double brightness = 1.0;
    double tremoloDepth = 0.35;  // auto-pan depth
    double tremoloCycles = 8.0;  // whole cycles per loop, so the tremolo itself wraps seamlessly
};
/** Two-operator FM electric piano with a short tine "ding" on the attack. */
void ePianoNote(Target t, const Note& n, const EPianoParams& p);

/** Bright saw/square pluck with a fast filter envelope. */
void pluck(Target t, const Note& n, double brightness);

/** Soft, flute-like lead: a few sine harmonics, breath noise, delayed vibrato. */
void softLead(Target t, const Note& n, Rng& rng);

/** Noise riser: band-passed noise sweeping up and swelling over `length`, then a short fade. */
void riser(Target t, std::int64_t start, std::int64_t length, Rng& rng);

} // namespace loopmind::demogen
