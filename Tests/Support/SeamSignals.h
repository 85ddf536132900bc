#pragma once
// Loops whose end does not meet their start, as recorded packs have them, and music whose repeats are clean:
// the material the seam tests play, measure and repair.
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind::test {

/** A sustained pad (a band-limited saw with slow vibrato-free swell) at `hz`, `samples` long, stereo. Its period
    does not divide the length unless the caller picks hz so, so as a loop its repeat jumps in phase. */
juce::AudioBuffer<float> makePad(double rate, int samples, double hz, float level = 0.2f);

/** A low drone (sine) on a DC offset: starts and ends away from zero. */
juce::AudioBuffer<float> makeDcDrone(double rate, int samples, double hz, float dc, float level = 0.3f);

/** Drums on 8ths (kick, snare, hats with 1 ms attacks) over `samples`; hits start at zero, tails die by the end. */
juce::AudioBuffer<float> makeDrums(double rate, int samples, double bpm, bool hats = true);

/** Sparse percussion whose last hit still rings loudly when the file ends (a hard-cut tail). */
juce::AudioBuffer<float> makeHardCutPercussion(double rate, int samples, double bpm);

/** The loop repeated `times` times back to back, raw. */
juce::AudioBuffer<float> tiled(const juce::AudioBuffer<float>& loop, int times);

} // namespace loopmind::test
