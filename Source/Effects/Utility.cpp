#include "Effects/Utility.h"
#include "Effects/ParameterRanges.h"

namespace loopmind::effects {

Utility::Utility() : BuiltInEffect("utility", stereoBuses())
{
    gain_ = &addFloat("gain", "Gain", linearRange(-60, 24), 0, "dB");
    width_ = &addFloat("width", "Width", linearRange(0, 200), 100, "%");
    mono_ = &addBool("mono", "Mono", false);
    invertLeft_ = &addBool("invert_left", "Invert left", false);
    invertRight_ = &addBool("invert_right", "Invert right", false);
    swap_ = &addBool("swap", "Swap left/right", false);
}

std::array<float, 4> Utility::targetMatrix() const
{
    // Input stage: swap, then polarity per (new) side; then mid/side width; then gain.
    const float l = invertLeft_->get() ? -1.0f : 1.0f, r = invertRight_->get() ? -1.0f : 1.0f;
    std::array<float, 4> in = swap_->get() ? std::array<float, 4> { 0, l, r, 0 } : std::array<float, 4> { l, 0, 0, r };
    const float w = mono_->get() ? 0.0f : width_->get() / 100.0f;
    // L' = M + w·S, R' = M - w·S with M = (L+R)/2, S = (L-R)/2.
    const float same = 0.5f * (1 + w), cross = 0.5f * (1 - w);
    const float g = juce::Decibels::decibelsToGain(gain_->get(), -60.0f);
    const std::array<float, 4> widthMatrix { same, cross, cross, same };
    return { g * (widthMatrix[0] * in[0] + widthMatrix[1] * in[2]), g * (widthMatrix[0] * in[1] + widthMatrix[1] * in[3]),
             g * (widthMatrix[2] * in[0] + widthMatrix[3] * in[2]), g * (widthMatrix[2] * in[1] + widthMatrix[3] * in[3]) };
}

void Utility::clearState()
{
    const auto target = targetMatrix();
    for (size_t i = 0; i < 4; ++i)
        snap(matrix_[i], target[i]);
}

void Utility::process(juce::AudioBuffer<float>& buffer, const BlockTiming&)
{
    const auto target = targetMatrix();
    for (size_t i = 0; i < 4; ++i)
        matrix_[i].setTargetValue(target[i]);
    float* left = buffer.getWritePointer(0);
    float* right = buffer.getWritePointer(1);
    for (int i = 0; i < buffer.getNumSamples(); ++i) {
        const float ll = matrix_[0].getNextValue(), lr = matrix_[1].getNextValue();
        const float rl = matrix_[2].getNextValue(), rr = matrix_[3].getNextValue();
        const float x = left[i], y = right[i];
        left[i] = ll * x + lr * y;
        right[i] = rl * x + rr * y;
    }
}

} // namespace loopmind::effects
