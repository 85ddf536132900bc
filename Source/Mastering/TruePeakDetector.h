#pragma once
// Per-sample true-peak envelope: for each sample, the largest magnitude across channels of the sample
// itself and of the 4x-oversampled points on either side of it (ITU-R BS.1770 Annex 2 style: a
// polyphase windowed-sinc interpolator, 16 taps per phase). The limiter reads it to hold inter-sample
// peaks under the ceiling; the envelope scales linearly with gain, so it is computed once per master.
#include <juce_audio_basics/juce_audio_basics.h>
#include <vector>

namespace loopmind::mastering {

constexpr int truePeakOversampling = 4;

std::vector<float> truePeakEnvelope(const juce::AudioBuffer<float>& audio);

} // namespace loopmind::mastering
