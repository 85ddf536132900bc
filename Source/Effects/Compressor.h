#pragma once
// "compressor": feed-forward, stereo-linked peak detector, soft knee, attack/release on the gain reduction.
// A second stereo input bus, "Sidechain", can drive the detector instead of the main input (duck a bass under a
// kick). Latency 0 (no look-ahead).
#include "Effects/BuiltInEffect.h"

namespace loopmind::effects {

class Compressor final : public BuiltInEffect {
public:
    Compressor();

    /** Static curve: gain reduction in dB (>= 0) for a detector level in dBFS. */
    static float gainReductionDb(float levelDb, float thresholdDb, float ratio, float kneeDb);

    /** The deepest gain reduction of the last block, for meters. Any thread. */
    float lastGainReductionDb() const noexcept { return meter_.load(std::memory_order_relaxed); }

protected:
    void prepare(double, int) override {}
    void clearState() override;
    void process(juce::AudioBuffer<float>& buffer, const BlockTiming& timing) override;

private:
    juce::AudioParameterFloat *threshold_, *ratio_, *attack_, *release_, *knee_, *makeup_, *mix_;
    juce::AudioParameterBool* sidechain_;
    juce::SmoothedValue<float> thresholdRamp_, ratioRamp_, kneeRamp_, makeupRamp_, mixRamp_;
    float envelopeDb_ = 0; // smoothed gain reduction
    std::atomic<float> meter_ { 0 };
};

} // namespace loopmind::effects
