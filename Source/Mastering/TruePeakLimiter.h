#pragma once
// Look-ahead true-peak limiter, computed offline as a gain curve over the whole programme.
// The required gain comes from the 4x-oversampled peak envelope; a running minimum over the look-ahead
// window and two cascaded moving averages (together no longer than that window) make the gain fall
// smoothly *before* each peak and never exceed what the peak needs; a one-pole release lets it recover.
// A streaming limiter would delay the audio by the look-ahead; offline the curve reads the future
// instead, which is the same as that limiter with its latency removed: the output lines up with the input.
// The curve is generated in order, a stretch at a time (LimiterCurve), with small rings: nothing of the
// programme's length is held, so a candidate master is measured or written without storing its curve.
// It works in terms of the reduction depth 1 - gain, so an unlimited stretch is exact zeros and cheap.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace loopmind::mastering {

struct LimiterStats {
    double maxReductionDb = 0;  // deepest gain reduction
    double meanReductionDb = 0; // time average of the reduction over the whole programme
};

/** Sums a curve's reduction as it goes by (the same figures as TruePeakLimiter::statistics of the whole). */
class LimiterStatsAccumulator {
public:
    void add(const float* gain, int count);
    LimiterStats result(std::int64_t length) const;

private:
    float deepest_ = 1.0f;
    double reductionSum_ = 0, product_ = 1.0;
    int inProduct_ = 0;
};

/** Writes the envelope's values [start, start + count) to out; they need only be exact above ceiling / gain
    (the limiter ignores everything at or below it). LimiterCurve reads in aligned stretches of its readLength. */
using EnvelopeReader = std::function<void(std::int64_t start, int count, float* out)>;

class TruePeakLimiter;

/** A limiter's gain curve, generated in order. Default-constructed: unity (nothing to limit). */
class LimiterCurve {
public:
    LimiterCurve();
    LimiterCurve(const TruePeakLimiter& limiter, EnvelopeReader envelope, int readLength, std::int64_t length, double inputGain,
                 double ceilingLinear);
    LimiterCurve(LimiterCurve&&) noexcept;
    LimiterCurve& operator=(LimiterCurve&&) noexcept;
    ~LimiterCurve();

    bool unity() const { return state_ == nullptr; }
    /** The next count gains (0..1] into out; returns whether any is below 1. Unity: out untouched, false. */
    bool next(float* out, int count);
    /** Of the gains handed out so far, over the curve's length. */
    LimiterStats statistics() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

class TruePeakLimiter {
public:
    explicit TruePeakLimiter(double sampleRate, double lookaheadMs = 1.5, double releaseMs = 100.0);

    /** The look-ahead a streaming version would delay by; compensated here (output is aligned). */
    int latencySamples() const { return 2 * half_ - 1; }

    /** The whole curve for a whole envelope (tests; the renderer streams a LimiterCurve). */
    void gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear, std::vector<float>& gain) const;
    std::vector<float> gainCurve(const std::vector<float>& envelope, double inputGain, double ceilingLinear, LimiterStats& stats) const;

    /** Deepest and mean reduction of a curve (empty: unity, no reduction). */
    static LimiterStats statistics(const std::vector<float>& gain);

private:
    friend class LimiterCurve;
    int half_;          // length of each moving average
    double decay_;      // per-sample factor of the release: the depth of reduction shrinks by it
};

} // namespace loopmind::mastering
