#pragma once
// Where drum hits sit on a candidate beat grid of a loop's onset envelope: the grid's phase, kicks placed on 16ths
// or 32nds, and kick/snare backbeats on the beats or on the 8th notes. The tempo's octave rules read these.
#include "Analysis/OnsetStrength.h"
#include <vector>

namespace loopmind::analysis::detail {

/** The envelope at fractional frame x (linear interpolation; the loop wraps). */
float envelopeAt(const std::vector<float>& e, double x);
/** The largest envelope value within +-tolerance frames of x. */
float strongestNear(const std::vector<float>& e, double x, double tolerance);
/** The q-quantile (0..1) of v. */
float lowerQuantile(const std::vector<float>& v, double q);

/** Where the beat grid of `beats` beats per loop sits: the offset (frames, within one beat) that collects
    the most onset strength on its beats. */
double beatPhase(const std::vector<float>& e, int beats);

/** Where the low band's onset strength (kicks, bass notes) falls on the grid. Kicks are placed on 16ths at most:
    when a grid needs 32nds to hold them, it is half the real tempo (a half-time groove at 140 has its syncopated
    kicks on 16ths; at 70 they would be 32nds). Only peaks within a fifth of a 32nd of an odd position count; swung
    16ths (55-66 %) sit at least a third of a 32nd away, and the 5th 32nd, where swung 8ths fall, is left out. */
struct KickPlacement {
    double onOddThirtySeconds = 0.0; // share of the kicks' strength on odd 32nds (1, 3, 7)
    double offSixteenths = 0.0;      // share more than a fifth of a 16th away from any 16th, straight or swung as 8ths
};
KickPlacement placeKicks(const std::vector<float>& low, double framesPerSecond, int beats, double phase);

/** Kicks on one set of the grid's 8th notes and snares on the other (kick on the beat, snare on its
    "and"): a backbeat at 8th-note rate, so the grid is half the tempo (drum and bass read as 87 instead
    of 174). Needs both the low and the mid band to take clearly opposite sides. */
bool backbeatOnOffBeats(const OnsetEnvelope& env, int beats, double phase);

/** A backbeat on this grid's beats: snare cracks on every other beat (2 and 4) and the kicks on the beats between
    (1 and 3), as a hip-hop groove at 70 has. Either parity: the grid may lock on the snare. */
bool backbeatOnBeats(const OnsetEnvelope& env, int beats, double phase);

/** A snare backbeat on this grid: cracks (1-5 kHz) on every other beat, each of them clearly there, and the beats
    between holding at most half as much. Read on the faster of two octave readings: drum and bass at 174 has its
    snare on 2 and 4 of the 174 grid; at 87 the same snare would hit every "and", a backbeat no groove at 87 plays.
    A hip-hop groove at 80 doubled to 160 has its snare on every fourth beat only, so it does not pass. */
bool snareOnEveryOtherBeat(const OnsetEnvelope& env, int beats, double phase);

} // namespace loopmind::analysis::detail
