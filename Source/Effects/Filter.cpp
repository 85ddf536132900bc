#include "Effects/Filter.h"
#include "Effects/NoteValue.h"
#include "Effects/ParameterRanges.h"
#include <cmath>

namespace loopmind::effects {

namespace {
constexpr int coefficientInterval = 16; // samples between coefficient updates while sweeping
}

Filter::Filter() : BuiltInEffect("filter", stereoBuses())
{
    mode_ = &addChoice("mode", "Mode", { "low-pass", "band-pass", "high-pass" }, 0);
    cutoff_ = &addFloat("cutoff", "Cutoff", frequencyRange(20, 20000), 2000, "Hz");
    resonance_ = &addFloat("resonance", "Resonance (Q)", skewedRange(0.5f, 12, 2), 0.707f, "");
    lfoShape_ = &addChoice("lfo_shape", "LFO shape", { "sine", "triangle", "saw down", "square" }, 0);
    lfoNote_ = &addChoice("lfo_rate", "LFO period", noteValueNames(true), 4);
    lfoDepth_ = &addFloat("lfo_depth", "LFO depth", linearRange(0, 4), 0, "oct");
    mix_ = &addFloat("mix", "Mix", linearRange(0, 100), 100, "%");
}

float Filter::lfoAt(double ppq) const
{
    const double period = noteLengthInQuarters(lfoNote_->getIndex(), 0);
    const double phase = ppq / period - std::floor(ppq / period); // 0 ... 1 over each period, 0 on its downbeats
    switch (lfoShape_->getIndex()) {
    case 1: return float(phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase);
    case 2: return float(1 - 2 * phase);
    case 3: return phase < 0.5 ? 1.0f : -1.0f;
    default: return float(std::sin(2 * juce::MathConstants<double>::pi * phase));
    }
}

void Filter::clearState()
{
    snap(cutoffRamp_, cutoff_->get());
    snap(resonanceRamp_, resonance_->get());
    snap(depthRamp_, lfoDepth_->get());
    snap(mixRamp_, mix_->get() / 100.0f);
    state_ = {};
}

void Filter::process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing)
{
    cutoffRamp_.setTargetValue(cutoff_->get());
    resonanceRamp_.setTargetValue(resonance_->get());
    depthRamp_.setTargetValue(lfoDepth_->get());
    mixRamp_.setTargetValue(mix_->get() / 100.0f);
    const int mode = mode_->getIndex();
    const double nyquistGuard = 0.45 * sampleRate();
    float* channels[2] = { buffer.getWritePointer(0), buffer.getWritePointer(1) };
    float g = 0, k = 1, a1 = 1, a2 = 0, a3 = 0;
    for (int i = 0; i < buffer.getNumSamples(); ++i) {
        const float cutoff = cutoffRamp_.getNextValue(), q = resonanceRamp_.getNextValue(), depth = depthRamp_.getNextValue();
        const float mix = mixRamp_.getNextValue();
        if (i % coefficientInterval == 0) {
            const double ppq = timing.ppq + i * timing.quartersPerSample();
            const double hz = std::clamp(double(cutoff) * std::exp2(double(depth) * lfoAt(ppq)), 20.0, nyquistGuard);
            g = float(std::tan(juce::MathConstants<double>::pi * hz / sampleRate()));
            k = 1.0f / q;
            a1 = 1.0f / (1.0f + g * (g + k));
            a2 = g * a1;
            a3 = g * a2;
        }
        for (size_t c = 0; c < 2; ++c) {
            auto& s = state_[c];
            const float x = channels[c][i];
            const float v3 = x - s[1];
            const float v1 = a1 * s[0] + a2 * v3;
            const float v2 = s[1] + a2 * s[0] + a3 * v3;
            s[0] = 2 * v1 - s[0];
            s[1] = 2 * v2 - s[1];
            const float y = mode == 0 ? v2 : mode == 1 ? v1 : x - k * v1 - v2;
            channels[c][i] = (1.0f - mix) * x + mix * y;
        }
    }
}

} // namespace loopmind::effects
