#include "Render/LatencyAlignedOutputs.h"
#include <algorithm>

namespace loopmind {

LatencyAlignedOutputs::LatencyAlignedOutputs(const RenderPlan& plan, int masterStep, const std::vector<int>& stemSteps)
    : plan_(plan), masterStep_(masterStep), latency_(plan.latencyOf(masterStep)), stemSteps_(stemSteps), stemDelays_(stemSteps.size() * 2)
{
    if (latency_ == 0)
        return;
    mix_.setSize(2, plan.maxBlockSize());
    stems_.resize(stemSteps_.size());
    for (size_t i = 0; i < stemSteps_.size(); ++i) {
        if (const int delay = latency_ - plan.latencyOf(stemSteps_[i]); delay > 0)
            for (int c = 0; c < 2; ++c)
                stemDelays_[2 * i + size_t(c)].allocate(delay);
        stems_[i].setSize(2, plan.maxBlockSize());
    }
}

void LatencyAlignedOutputs::take(std::int64_t position, int numSamples)
{
    // The block's first `skip` samples are from before the song's start (the outputs' lag): dropped.
    const int skip = int(std::clamp<std::int64_t>(latency_ - position, 0, numSamples));
    count_ = numSamples - skip;
    if (latency_ == 0)
        return; // mix() and stem() are the plan's outputs as they are
    const auto& master = plan_.outputOf(masterStep_);
    for (int c = 0; c < 2; ++c)
        mix_.copyFrom(c, 0, master, std::min(c, master.getNumChannels() - 1), skip, count_);
    for (size_t i = 0; i < stemSteps_.size(); ++i) {
        const auto& source = plan_.outputOf(stemSteps_[i]);
        for (int c = 0; c < 2; ++c) {
            const float* in = source.getReadPointer(std::min(c, source.getNumChannels() - 1));
            auto& line = stemDelays_[2 * i + size_t(c)];
            float* out = stems_[i].getWritePointer(c);
            if (line.maximumDelay() == 0) { // this stem lags as much as the master: only the skip
                std::copy(in + skip, in + numSamples, out);
                continue;
            }
            for (int k = 0; k < numSamples; ++k)
                if (const float delayed = line.delayByMaximum(in[k]); k >= skip)
                    out[k - skip] = delayed;
        }
    }
}

} // namespace loopmind
