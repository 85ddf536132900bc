#pragma once
// Second-order IIR sections (RBJ cookbook designs), run in double precision so that
// low-frequency filters at high sample rates stay accurate.
#include <cmath>

namespace loopmind::mastering {

struct BiquadCoefficients {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

    static BiquadCoefficients highPass(double sampleRate, double frequency, double q);
    static BiquadCoefficients lowPass(double sampleRate, double frequency, double q);
    /** Shelves with slope S = 1 (the steepest without overshoot). */
    static BiquadCoefficients lowShelf(double sampleRate, double frequency, double gainDb);
    static BiquadCoefficients highShelf(double sampleRate, double frequency, double gainDb);
};

/** Transposed direct form II: one state pair per channel. */
class Biquad {
public:
    Biquad() = default;
    explicit Biquad(const BiquadCoefficients& c) : c_(c) {}
    double process(double x)
    {
        const double y = c_.b0 * x + s1_;
        s1_ = (c_.b1 * x + s2_) - c_.a1 * y; // the newest output last: the loop-carried chain is multiply-subtract-add
        s2_ = c_.b2 * x - c_.a2 * y;
        return y;
    }
    void processInPlace(float* data, int n)
    {
        for (int i = 0; i < n; ++i)
            data[i] = float(process(double(data[i])));
    }

private:
    BiquadCoefficients c_;
    double s1_ = 0, s2_ = 0;
};

/** The same filter on a stereo pair as the two lanes of one SSE2 vector (GCC/clang vector extension):
    each lane gets exactly Biquad's arithmetic, so the results are Biquad's, bit for bit, at about half the cost. */
class StereoBiquad {
public:
    using Pair = double __attribute__((vector_size(16))); // { left, right }

    StereoBiquad() = default;
    explicit StereoBiquad(const BiquadCoefficients& c)
        : b0_ { c.b0, c.b0 }, b1_ { c.b1, c.b1 }, b2_ { c.b2, c.b2 }, a1_ { c.a1, c.a1 }, a2_ { c.a2, c.a2 }
    {
    }
    Pair process(Pair x)
    {
        const Pair y = b0_ * x + s1_;
        s1_ = (b1_ * x + s2_) - a1_ * y;
        s2_ = b2_ * x - a2_ * y;
        return y;
    }

private:
    Pair b0_ {}, b1_ {}, b2_ {}, a1_ {}, a2_ {}, s1_ {}, s2_ {};
};

} // namespace loopmind::mastering
