#pragma once
// The mastering chain: sub-sonic high-pass -> gentle tonal EQ -> glue compressor -> gain -> true-peak
// limiter. The first three do not depend on the delivery target (the compressor's threshold follows the
// programme's own loudness), so they run once, and the prepared audio is measured once (K-weighted energy
// for the gain search, true-peak envelope for the limiter); each target then only needs gain + limiter,
// which is what lets LoudnessTargeting iterate cheaply and deliver several targets from one render.
#include "Mastering/GatedLoudness.h"
#include "Mastering/TonalBalance.h"
#include "Mastering/TruePeakDetector.h"
#include "Mastering/TruePeakLimiter.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>
#include <optional>
#include <vector>

namespace loopmind::mastering {

struct ChainSettingsUsed {
    double highPassHz = 0;
    TonalCorrection eq;
    double glueThresholdDb = 0, glueRatio = 1, glueMaxReductionDb = 0;
    int latencySamples = 0; // the limiter's look-ahead, compensated (the output is aligned with the input)
};

class MasteringChain {
public:
    MasteringChain(double sampleRate, double intensity);

    /** Runs high-pass, EQ and glue compression in place; programmeLufs is the premaster's loudness.
        The chain keeps a reference to `audio` (for its true-peak envelope): keep it alive and unchanged while mastering. */
    void prepare(juce::AudioBuffer<float>& audio, std::optional<double> programmeLufs);
    /** The same for audio that a HighPassStage has already processed (while rendering), with its band energies. */
    void prepareHighPassed(juce::AudioBuffer<float>& audio, const std::vector<BandEnergies>& bands, std::optional<double> programmeLufs);

    /** The limiter's gain curve for prepared x gain at ceilingDb, generated as it is read; unity when nothing needs
        limiting. Several curves may be read at once on different threads. */
    LimiterCurve limiterCurve(double gainDb, double ceilingDb) const;
    /** out = prepared x gain x curve (null: unity) for samples [start, start + count) of every channel, written to
        out[c][0 .. count); curve[0] belongs to sample `start`. */
    static void apply(const juce::AudioBuffer<float>& prepared, double gainDb, const float* curve, float* const* out, int start,
                      int count);

    /** Largest 4x-oversampled peak of the prepared audio (linear): how far gain can go before limiting. */
    double preparedTruePeak() const { return preparedPeak_; }
    /** The prepared audio's K-weighted energy, for measuring candidate masters (null before prepare). Thread-safe to read. */
    const GatedLoudness* preparedLoudness() const { return loudness_.get(); }
    const ChainSettingsUsed& settingsUsed() const { return used_; }
    int latencySamples() const { return limiter_.latencySamples(); }

private:
    double sampleRate_, intensity_;
    TruePeakLimiter limiter_;
    std::unique_ptr<TruePeakEnvelope> envelope_; // of the prepared audio, interpolated where curves ask (thread-safe)
    std::unique_ptr<GatedLoudness> loudness_;
    double preparedPeak_ = 0;
    ChainSettingsUsed used_;
};

} // namespace loopmind::mastering
