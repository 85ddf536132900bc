#pragma once
// Whole-loop effects. Each runs "circularly": the loop is fed through the effect several times and
// only the last pass is kept, so the effect's state at the loop start equals its state at the end
// and echoes/reverb tails wrap around exactly as they would in an endlessly repeating loop.
#include "Dsp.h"

namespace loopmind::demogen {

/** Small Schroeder-style room: parallel damped combs into series all-passes, mono in, stereo out. */
void reverb(LoopBuffer& buffer, double sampleRate, double rt60Seconds, double wet, double dampHz);

/** Ping-pong delay: repeats alternate left/right, each darker than the last. */
void pingPongEcho(LoopBuffer& buffer, double sampleRate, std::int64_t delaySamples, double feedback, double wet);

/** Gentle one-pole low-pass on every channel (tape/sampler dullness). */
void darken(LoopBuffer& buffer, double sampleRate, double cutoffHz);

/** Bus saturation: scale the peak to 1, then tanh with the given drive. */
void saturateBus(LoopBuffer& buffer, double drive);

/** Subtracts each channel's mean: exactly the DC of a repeating loop, and still seamless. */
void removeDc(LoopBuffer& buffer);

/** Largest absolute sample over all channels. */
double peak(const LoopBuffer& buffer);

/** Scales the whole loop so its peak sits exactly at `peakDb` dBFS. */
void normalizePeak(LoopBuffer& buffer, double peakDb);

} // namespace loopmind::demogen
