#include "Render/LatencyAlignedOutputs.h"
#include <algorithm>

namespace loopmind {

LatencyAlignedOutputs::LatencyAlignedOutputs(const RenderPlan& plan, int masterStep, const std::vector<int>& stemSteps)
    : plan_(plan), masterStep_(masterStep), latency_(plan.latencyOf(masterStep)), stemSteps_(stemSteps),
      stemDelays_(stemSteps.size() * 2), mix_(2, plan.maxBlockSize()), stems_(stemSteps.size())
{
    for (size_t i = 0; i < stemSteps_.size(); ++i) {
        const int delay = latency_ - plan.latencyOf(stemSteps_[i]);
        for (int c = 0; c < 2; ++c)
            if (delay > 0)
                stemDelays_[2 * i + size_t(c)].allocate(delay);
        stems_[i].setSize(2, plan.maxBlockSize());
    }
}

void LatencyAlignedOutputs::take(std::int64_t position, int numSamples)
{
    // The block's first `skip` samples are from before the song's start (the outputs' lag): dropped.
    const int skip = int(std::clamp<std::int64_t>(latency_ - position, 0, numSamples));
    count_ = numSamples - skip;
    const auto& master = plan_.outputOf(masterStep_);
    for (int c = 0; c < 2; ++c)
        mix_.copyFrom(c, 0, master, std::min(c, master.getNumChannels() - 1), skip, count_);
    for (size_t i = 0; i < stemSteps_.size(); ++i) {
        const auto& source = plan_.outputOf(stemSteps_[i]);
        for (int c = 0; c < 2; ++c) {
            const float* in = source.getReadPointer(std::min(c, source.getNumChannels() - 1));
            auto& line = stemDelays_[2 * i + size_t(c)];
            float* out = stems_[i].getWritePointer(c);
            if (latency_ - plan_.latencyOf(stemSteps_[i]) <= 0) {
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
