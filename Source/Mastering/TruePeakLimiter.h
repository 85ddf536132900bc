#pragma once
// Look-ahead true-peak limiter, computed offline as a gain curve over the whole programme.
// The required gain comes from the 4x-oversampled peak envelope; a running minimum over the look-ahead
// window and two cascaded moving averages (together no longer than that window) make the gain fall
// smoothly *before* each peak and never exceed what the peak needs; a one-pole release lets it recover.
// A streaming limiter would delay the audio by the look-ahead; offline the curve reads the future
// instead, which is the same as that limiter with its latency removed: the output lines up with the input.
// The curve is computed in one streaming pass with small rings (no programme-sized temporaries), in
// terms of the reduction depth 1 - gain, so an unlimited stretch is exact zeros and cheap.
#include <vector>

namespace loopmind::mastering {

struct LimiterStats {
    double maxReductionDb = 0;  // deepest gain reduction
    double meanReductionDb = 0; // time average of the reduction over the whole programme
};

class TruePeakLimiter {
public:
    explicit TruePeakLimiter(double sampleRate, double lookaheadMs = 1.5, double releaseMs = 100.0);

    /** The look-ahead a streaming version would delay by; compensated here (output is aligned). */
    int latencySamples() const { return 2 * half_ - 1; }

    /** Gain (0..1] per sample, into `gain`, for audio whose true-peak envelope is `envelope`, after `inputGain`. */
    void gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear, std::vector<float>& gain) const;
    std::vector<float> gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear, LimiterStats& stats) const;

    /** Deepest and mean reduction of a curve (empty: unity, no reduction). */
    static LimiterStats statistics(const std::vector<float>& gain);

private:
    int half_;          // length of each moving average
    double decay_;      // per-sample factor of the release: the depth of reduction shrinks by it
};

} // namespace loopmind::mastering
