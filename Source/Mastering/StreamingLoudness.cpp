#include "Mastering/StreamingLoudness.h"
#include <algorithm>

namespace loopmind::mastering {

StreamingLoudness::StreamingLoudness(double sampleRate)
    : filter_(kWeighting(double(long(sampleRate + 0.5)))), step_(loudnessStepLength(sampleRate))
{
}

void StreamingLoudness::add(const juce::AudioBuffer<float>& audio, int start, int numSamples)
{
    if (audio.getNumChannels() > 0)
        add(audio.getReadPointer(0, start), audio.getReadPointer(std::min(1, audio.getNumChannels() - 1), start), numSamples);
}

void StreamingLoudness::add(const float* l, const float* r, int numSamples)
{
    // A track that falls silent leaves the filter's state decaying towards zero: in denormal range each sample
    // would cost a hundred times more (it was most of a long render's time). Flushed, the energy differs by < 1e-300.
    juce::ScopedNoDenormals noDenormals;
    for (int done = 0; done < numSamples;) {
        const int count = std::min(numSamples - done, step_ - inStep_); // up to the end of the current step
        StereoKFilter::Pair sum = stepSum_;
        filter_.run(l + done, r + done, count, [&sum](int, StereoKFilter::Pair y) { sum += y * y; });
        stepSum_ = sum;
        done += count;
        inStep_ += count;
        if (inStep_ == step_) {
            steps_.push_back(stepSum_[0] + stepSum_[1]);
            stepSum_ = StereoKFilter::Pair {};
            inStep_ = 0;
        }
    }
}

} // namespace loopmind::mastering
