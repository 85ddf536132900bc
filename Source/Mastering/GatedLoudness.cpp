#include "Mastering/GatedLoudness.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
namespace {
constexpr int stepsPerChunk = 1; // a chunk is one 100 ms step: only the steps the limiter touches are filtered again

/** Sums energy per whole step of a chunk (from its first sample), unity curve. */
void addSteps(const float* e, int count, int step, double* stepEnergy)
{
    for (int s = 0; (s + 1) * step <= count; ++s) {
        double sum = 0;
        for (int i = s * step; i < (s + 1) * step; ++i)
            sum += double(e[i]);
        stepEnergy[s] = sum;
    }
}
} // namespace

GatedLoudness::GatedLoudness(const juce::AudioBuffer<float>& prepared, double sampleRate, const ChunkProgress* input)
    : prepared_(prepared), step_(loudnessStepLength(sampleRate)), chunk_(stepsPerChunk * step_)
{
    const int n = std::max(prepared.getNumSamples(), 0), channels = std::max(prepared.getNumChannels(), 0);
    std::vector<StereoKFilter> filters(size_t(channels + 1) / 2, StereoKFilter(kWeighting(double(long(sampleRate + 0.5)))));
    unityStepEnergy_.assign(size_t(n / step_), 0.0);
    chunkStarts_.reserve(size_t(n / chunk_ + 1) * filters.size());
    std::vector<float> e(static_cast<size_t>(chunk_));
    for (int start = 0; start < n; start += chunk_) {
        const int count = std::min(chunk_, n - start);
        waitIfFollowing(input, start + count);
        chunkStarts_.insert(chunkStarts_.end(), filters.begin(), filters.end());
        energy(filters, start, count, e.data());
        addSteps(e.data(), count, step_, unityStepEnergy_.data() + start / step_);
    }
}

void GatedLoudness::energy(std::vector<StereoKFilter>& filters, int start, int count, float* e) const
{
    // Both channels of a stereo pair in one vectorised pass (a lone last channel twice at half weight).
    const int channels = prepared_.getNumChannels();
    juce::ScopedNoDenormals noDenormals; // silence would leave the filters' state decaying through slow denormals
    std::fill(e, e + count, 0.0f);
    for (int c = 0; c < channels; c += 2) {
        const int right = std::min(c + 1, channels - 1);
        const StereoKFilter::Pair weight = right == c ? StereoKFilter::Pair { 0.5, 0.5 } : StereoKFilter::Pair { 1.0, 1.0 };
        filters[size_t(c / 2)].run(prepared_.getReadPointer(c) + start, prepared_.getReadPointer(right) + start, count,
                                   [e, weight](int i, StereoKFilter::Pair y) {
                                       const StereoKFilter::Pair squared = y * y * weight;
                                       e[i] += float(squared[0]) + float(squared[1]);
                                   });
    }
}

std::optional<double> GatedLoudness::integrated(double linearGain) const
{
    return gatedIntegratedLoudness(unityStepEnergy_, step_, linearGain * linearGain);
}

std::optional<double> GatedLoudness::integrated(double linearGain, LimiterCurve& curve) const
{
    if (curve.unity())
        return integrated(linearGain);
    std::vector<double> stepEnergy(unityStepEnergy_);
    const int measured = int(stepEnergy.size()) * step_; // whole steps only, as libebur128 counts them
    const size_t pairs = size_t(prepared_.getNumChannels() + 1) / 2;
    std::vector<float> g(static_cast<size_t>(chunk_)), e(static_cast<size_t>(chunk_));
    for (int start = 0, k = 0; start < measured; start += chunk_, ++k) {
        const int count = std::min(chunk_, measured - start);
        if (!curve.next(g.data(), count))
            continue; // unity over the chunk: its steps keep their energy
        std::vector<StereoKFilter> filters(chunkStarts_.begin() + std::ptrdiff_t(size_t(k) * pairs),
                                           chunkStarts_.begin() + std::ptrdiff_t(size_t(k + 1) * pairs));
        energy(filters, start, count, e.data());
        for (int s = 0; s < count / step_; ++s) {
            const int from = s * step_, to = from + step_;
            if (std::all_of(g.begin() + from, g.begin() + to, [](float v) { return v >= 1.0f; }))
                continue;
            double sum = 0;
            for (int i = from; i < to; ++i)
                sum += double(e[size_t(i)]) * double(g[size_t(i)]) * double(g[size_t(i)]);
            stepEnergy[size_t(start / step_ + s)] = sum;
        }
    }
    return gatedIntegratedLoudness(stepEnergy, step_, linearGain * linearGain);
}

} // namespace loopmind::mastering
