#pragma once
// True peak at 4x oversampling (ITU-R BS.1770 Annex 2 style): a polyphase windowed-sinc interpolator,
// 16 taps per phase, evaluated block by block with the loop over samples innermost (so it vectorises
// without reordering any sum: results are the same on every run and every x86-64 machine).
//  - truePeakEnvelope: per sample, the largest magnitude across channels of the sample itself and of the
//    interpolated points on either side of it. The limiter reads it; it scales linearly with gain, so
//    it is computed once per master.
//  - truePeak: only the largest value of that envelope, for verifying a finished master. A block is
//    interpolated only where it could beat the peak found so far (|interpolated| <= sum |taps| x the
//    block's largest sample), which skips most of a quiet or evenly limited programme exactly.
#include <juce_audio_basics/juce_audio_basics.h>
#include <vector>

namespace loopmind::mastering {

constexpr int truePeakOversampling = 4;

std::vector<float> truePeakEnvelope(const juce::AudioBuffer<float>& audio);

/** Largest 4x-oversampled magnitude over all channels (linear; 0 for silence). Channels run in parallel. */
double truePeak(const juce::AudioBuffer<float>& audio);

} // namespace loopmind::mastering
