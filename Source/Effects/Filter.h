#pragma once
// "filter": a resonant state-variable filter (low-, band- or high-pass, Zavalishin's topology-preserving form)
// whose cutoff an LFO sweeps in octaves. The LFO is locked to the transport (its phase is the position in quarter
// notes over the synced period), so a render and the live engine sweep alike at every bar. Latency 0.
#include "Effects/BuiltInEffect.h"
#include <array>

namespace loopmind::effects {

class Filter final : public BuiltInEffect {
public:
    Filter();

    /** The LFO's value (-1 ... 1) at `ppq` quarter notes for the current shape and rate. */
    float lfoAt(double ppq) const;

protected:
    void prepare(double, int) override {}
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    juce::AudioParameterChoice *mode_, *lfoShape_, *lfoNote_;
    juce::AudioParameterFloat *cutoff_, *resonance_, *lfoDepth_, *mix_;
    juce::SmoothedValue<float, juce::ValueSmoothingTypes::Multiplicative> cutoffRamp_;
    juce::SmoothedValue<float> resonanceRamp_, depthRamp_, mixRamp_;
    std::array<std::array<float, 2>, 2> state_ {}; // two integrators per channel
};

} // namespace loopmind::effects
