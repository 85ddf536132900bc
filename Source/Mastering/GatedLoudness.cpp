#include "Mastering/GatedLoudness.h"
#include "Core/HugePages.h"
#include "Mastering/KWeighting.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
GatedLoudness::GatedLoudness(const juce::AudioBuffer<float>& prepared, double sampleRate, const ChunkProgress* input)
{
    const int n = std::max(prepared.getNumSamples(), 0), channels = std::max(prepared.getNumChannels(), 0);
    step_ = loudnessStepLength(sampleRate);
    // Both channels of a stereo programme in one vectorised pass (other channel counts: pairs, a lone last one twice at half weight).
    StereoKFilter::Pair weight { 1.0, 1.0 };
    reserveWithHugePages(energy_, size_t(n));
    energy_.assign(size_t(n), 0.0f);
    for (int c = 0; c < channels; c += 2) {
        const int right = std::min(c + 1, channels - 1);
        if (right == c)
            weight = StereoKFilter::Pair { 0.5, 0.5 };
        StereoKFilter filter(kWeighting(double(long(sampleRate + 0.5))));
        constexpr int chunk = 1 << 14;
        for (int start = 0; start < n; start += chunk) {
            const int count = std::min(chunk, n - start);
            waitIfFollowing(input, start + count);
            float* e = energy_.data() + start;
            filter.run(prepared.getReadPointer(c) + start, prepared.getReadPointer(right) + start, count,
                       [e, weight](int i, StereoKFilter::Pair y) {
                           const StereoKFilter::Pair squared = y * y * weight;
                           e[i] += float(squared[0]) + float(squared[1]);
                       });
        }
    }
    const size_t steps = energy_.size() / size_t(step_);
    unityStepEnergy_.assign(steps, 0.0);
    for (size_t s = 0; s < steps; ++s) {
        double sum = 0;
        for (size_t i = s * size_t(step_); i < (s + 1) * size_t(step_); ++i)
            sum += double(energy_[i]);
        unityStepEnergy_[s] = sum;
    }
}

std::optional<double> GatedLoudness::integrated(double linearGain, const std::vector<float>& curve) const
{
    const size_t steps = unityStepEnergy_.size();
    std::vector<double> stepEnergy(unityStepEnergy_);
    if (!curve.empty())
        for (size_t s = 0; s < steps; ++s) {
            const size_t from = s * size_t(step_), to = from + size_t(step_);
            bool unity = true;
            for (size_t i = from; i < to && unity; ++i)
                unity = curve[i] >= 1.0f;
            if (unity)
                continue;
            double sum = 0;
            for (size_t i = from; i < to; ++i)
                sum += double(energy_[i]) * double(curve[i]) * double(curve[i]);
            stepEnergy[s] = sum;
        }
    return gatedIntegratedLoudness(stepEnergy, step_, linearGain * linearGain);
}

} // namespace loopmind::mastering
