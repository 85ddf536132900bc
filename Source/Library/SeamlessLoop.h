#pragma once
// Makes a loop repeat without a click, at prepare time (never on the audio thread). A loop whose end does not run
// into its start (Analysis/LoopWrap) gets its last few ms crossfaded into the audio that leads into an earlier
// place resembling its start (a beat or bar later, or a pitch period before its end), so the repeat continues as
// the music would. The head is never touched, so a downbeat's transient stays as recorded. Where no such place
// fits, the seam gets a short fade out and in instead. Loops with a clean seam are left bit for bit.
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind {

struct SeamRepair {
    enum class Method { none, crossfade, fade };
    Method method = Method::none;
    int preRollEnd = 0; // crossfade: the sample the tail now leads into (it resembles the loop's first)
    double match = 0;   // crossfade: how alike that place and the loop's start are, 0..1
};

/** Repairs the seam in place when it would click; deterministic. */
SeamRepair makeLoopSeamless(juce::AudioBuffer<float>& loop, double sampleRate);

} // namespace loopmind
