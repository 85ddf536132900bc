#pragma once
// How cleanly a loop's end runs into its start when it repeats. A short linear predictor fitted on the loop's
// last 10 ms predicts its first sample; a jump far above the predictor's own error, and not the attack of a new
// sound, is a click at every repeat. Pure function of one buffer.
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind::analysis {

struct LoopWrap {
    double jumpDb = -200;     // dBFS: the seam's prediction error (largest over the channels)
    double salienceDb = 0;    // how far the jump stands above the predictor's error on the tail, in dB
    double startDb = -200;    // dBFS: the first sample against silence (a clip's entry steps by this much)
    double endDb = -200;      // dBFS: the last sample against silence (a clip's exit)
    bool clicks = false;      // the repeat would click: the loop needs its seam repaired before it is played
};

/** Thresholds are stricter than audibility (a jump from -60 dBFS, 12 dB over the fit, not an attack). */
LoopWrap measureLoopWrap(const juce::AudioBuffer<float>& audio, double sampleRate);

} // namespace loopmind::analysis
