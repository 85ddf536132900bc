#pragma once
// Second-order sections from the RBJ Audio EQ Cookbook, computed and run in double precision (low corners at high
// rates stay accurate). Transposed direct form II: it tolerates coefficients that change between sub-blocks.
#include <cmath>

namespace loopmind::effects {

struct BiquadCoefficients {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

    static BiquadCoefficients peak(double sampleRate, double frequency, double q, double gainDb);
    /** Shelves with slope S = 1: the steepest without overshoot. */
    static BiquadCoefficients lowShelf(double sampleRate, double frequency, double gainDb);
    static BiquadCoefficients highShelf(double sampleRate, double frequency, double gainDb);
    static BiquadCoefficients highPass(double sampleRate, double frequency, double q);
    static BiquadCoefficients lowPass(double sampleRate, double frequency, double q);

    /** Q of section `k` (0-based) of a Butterworth filter of even `order` built from order/2 biquads. */
    static double butterworthQ(int order, int k);
};

struct BiquadState {
    double s1 = 0, s2 = 0;
    double process(const BiquadCoefficients& c, double x)
    {
        const double y = c.b0 * x + s1;
        s1 = c.b1 * x + s2 - c.a1 * y;
        s2 = c.b2 * x - c.a2 * y;
        return y;
    }
    void clear() { s1 = s2 = 0; }
};

} // namespace loopmind::effects
