#include "Mastering/GatedLoudness.h"
#include "Mastering/ChannelParallel.h"
#include "Mastering/KWeighting.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
GatedLoudness::GatedLoudness(const juce::AudioBuffer<float>& prepared, double sampleRate)
{
    const int n = std::max(prepared.getNumSamples(), 0), channels = std::max(prepared.getNumChannels(), 0);
    step_ = loudnessStepLength(sampleRate);
    const auto f = kWeighting(double(long(sampleRate + 0.5)));
    // Each channel is K-weighted on its own thread; the energies are then summed in channel order.
    std::vector<std::vector<float>> perChannel(static_cast<size_t>(channels));
    forEachChannel(channels, [&](int c) {
        auto& e = perChannel[size_t(c)];
        e.resize(size_t(n));
        const float* x = prepared.getReadPointer(c);
        double v[5] {};
        for (int i = 0; i < n; ++i) {
            const double y = f.process(double(x[i]), v);
            e[size_t(i)] = float(y * y);
        }
    });
    if (channels > 0)
        energy_ = std::move(perChannel[0]);
    energy_.resize(size_t(n), 0.0f);
    for (int c = 1; c < channels; ++c)
        for (int i = 0; i < n; ++i)
            energy_[size_t(i)] += perChannel[size_t(c)][size_t(i)];
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
