#pragma once
// "eq": a channel EQ. High-pass and low-pass (Butterworth, 12-48 dB/octave), low and high shelves, two peaks.
// Latency 0. Coefficients follow ramped parameters every 16 samples; switching a pass filter on or off, or its
// slope, fades the stage out, switches, and fades it back in.
#include "Effects/Biquad.h"
#include "Effects/BuiltInEffect.h"
#include <array>

namespace loopmind::effects {

class Equaliser final : public BuiltInEffect {
public:
    Equaliser();

protected:
    void prepare(double sampleRate, int maximumBlockSize) override;
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    enum class Shape { lowShelf, peak, highShelf };
    struct Band {
        Shape shape;
        juce::AudioParameterFloat *frequency, *gain, *q;
        juce::SmoothedValue<float, juce::ValueSmoothingTypes::Multiplicative> frequencyRamp, qRamp;
        juce::SmoothedValue<float> gainRamp;
        BiquadCoefficients coefficients;
        std::array<BiquadState, 2> state;
    };
    struct PassStage {
        bool highPass;
        juce::AudioParameterBool* enabled;
        juce::AudioParameterFloat* frequency;
        juce::AudioParameterChoice* slope;
        int activeSections = 0; // the slope now running: 1-4 biquads
        juce::SmoothedValue<float, juce::ValueSmoothingTypes::Multiplicative> frequencyRamp;
        juce::SmoothedValue<float> wet; // 0 = bypassed, 1 = filtering
        std::array<BiquadCoefficients, 4> coefficients;
        std::array<std::array<BiquadState, 4>, 2> state;
    };

    void snapRamps();
    void updateTargets();
    void advanceRamps(int samples, bool force);
    void design(PassStage& stage) const;
    void design(Band& band) const;
    static void advancePassStage(PassStage& stage);

    std::array<Band, 4> bands_ {};
    std::array<PassStage, 2> passes_ {};
};

} // namespace loopmind::effects
