#pragma once
// Ranges shared by several effects, so the same kind of knob behaves the same everywhere.
#include <cmath>
#include <juce_audio_processors/juce_audio_processors.h>

namespace loopmind::effects {

/** Hz, continuous, with the geometric middle of the range at the knob's centre. */
inline juce::NormalisableRange<float> frequencyRange(float low, float high)
{
    juce::NormalisableRange<float> range(low, high);
    range.setSkewForCentre(std::sqrt(low * high));
    return range;
}

inline juce::NormalisableRange<float> linearRange(float low, float high) { return { low, high }; }

inline juce::NormalisableRange<float> skewedRange(float low, float high, float centre)
{
    juce::NormalisableRange<float> range(low, high);
    range.setSkewForCentre(centre);
    return range;
}

} // namespace loopmind::effects
