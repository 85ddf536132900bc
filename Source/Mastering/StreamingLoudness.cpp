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
    for (int done = 0; done < numSamples;) {
        const int count = std::min(numSamples - done, step_ - inStep_); // up to the end of the current step
        double sum = stepSum_, vl[5], vr[5]; // the states in locals: registers, not memory, in the loop
        std::copy(left_, left_ + 5, vl);
        std::copy(right_, right_ + 5, vr);
        const KFilter f = filter_;
        for (int i = done; i < done + count; ++i) {
            const double yl = f.process(double(l[i]), vl), yr = f.process(double(r[i]), vr);
            sum += yl * yl + yr * yr;
        }
        std::copy(vl, vl + 5, left_);
        std::copy(vr, vr + 5, right_);
        done += count;
        inStep_ += count;
        stepSum_ = sum;
        if (inStep_ == step_) {
            steps_.push_back(stepSum_);
            stepSum_ = 0;
            inStep_ = 0;
        }
    }
}

} // namespace loopmind::mastering
