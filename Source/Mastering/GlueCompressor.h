#pragma once
// Bus "glue" compressor: stereo-linked RMS detector (bass kept out of the side chain so kicks do not
// pump the mix), soft knee, modest ratio, and a programme-dependent release: a fast envelope for
// transients and a slow one for sustained loud passages; the deeper of the two is applied, so short
// peaks recover quickly while dense sections are held steady.
#include "Mastering/ChunkProgress.h"
#include <juce_audio_basics/juce_audio_basics.h>

namespace loopmind::mastering {

struct GlueSettings {
    double thresholdDb = -20; // detector RMS, dBFS
    double ratio = 1.75;
    double kneeDb = 6;
};

/** Processes in place; returns the deepest gain reduction in dB. With `input`, follows the stage before it
    (another thread) as far as that has got; with `output`, tells the stage after it how far it has got. */
double applyGlueCompressor(juce::AudioBuffer<float>& audio, double sampleRate, const GlueSettings& settings,
                           const ChunkProgress* input = nullptr, ChunkProgress* output = nullptr);

} // namespace loopmind::mastering
