#pragma once
// A plan's outputs lag the song by their path latency (RenderPlan::latencyOf). An offline render lines every
// output it writes (the mix and each stem) up with the master's lag, then drops that many samples at the start
// and renders as many more at the end, so that every file starts on the song's first sample, to the sample.
// With no latency anywhere (the usual case) it hands out the plan's own outputs and copies nothing.
#include "Effects/DelayLine.h"
#include "Engine/RenderPlan.h"
#include <cstdint>
#include <vector>

namespace loopmind {

class LatencyAlignedOutputs {
public:
    LatencyAlignedOutputs(const RenderPlan& plan, int masterStep, const std::vector<int>& stemSteps);

    /** Samples to process beyond the song's length: the master's lag. */
    int latency() const { return latency_; }
    /** Takes the block the plan processed at `position` (numSamples long); then mix() and stem(i) hold count()
        samples of the song, possibly 0 at the start. */
    void take(std::int64_t position, int numSamples);
    int count() const { return count_; }
    const juce::AudioBuffer<float>& mix() const { return latency_ == 0 ? plan_.outputOf(masterStep_) : mix_; }
    const juce::AudioBuffer<float>& stem(size_t i) const { return latency_ == 0 ? plan_.outputOf(stemSteps_[i]) : stems_[i]; }

private:
    const RenderPlan& plan_;
    int masterStep_, latency_, count_ = 0;
    std::vector<int> stemSteps_;
    std::vector<effects::DelayLine> stemDelays_; // two per stem; delay = the master's lag minus the stem's (0: none)
    juce::AudioBuffer<float> mix_;                // these only when latency_ > 0
    std::vector<juce::AudioBuffer<float>> stems_;
};

} // namespace loopmind
