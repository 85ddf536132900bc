#include "Effects/Biquad.h"
#include <algorithm>

namespace loopmind::effects {

namespace {
constexpr double pi = 3.14159265358979323846;

struct Angle {
    double cosine, sine;
    Angle(double sampleRate, double frequency)
    {
        // Keep the corner inside (0, Nyquist): the cookbook formulas degenerate at the ends.
        const double w = 2 * pi * std::clamp(frequency, 1.0, 0.49 * sampleRate) / sampleRate;
        cosine = std::cos(w);
        sine = std::sin(w);
    }
};

BiquadCoefficients normalised(double b0, double b1, double b2, double a0, double a1, double a2)
{
    return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
}
} // namespace

BiquadCoefficients BiquadCoefficients::peak(double sampleRate, double frequency, double q, double gainDb)
{
    const Angle w(sampleRate, frequency);
    const double a = std::pow(10.0, gainDb / 40.0), alpha = w.sine / (2 * q);
    return normalised(1 + alpha * a, -2 * w.cosine, 1 - alpha * a, 1 + alpha / a, -2 * w.cosine, 1 - alpha / a);
}

BiquadCoefficients BiquadCoefficients::lowShelf(double sampleRate, double frequency, double gainDb)
{
    const Angle w(sampleRate, frequency);
    const double a = std::pow(10.0, gainDb / 40.0), alpha = w.sine / 2 * std::sqrt(2.0);
    const double twoRootAAlpha = 2 * std::sqrt(a) * alpha;
    return normalised(a * ((a + 1) - (a - 1) * w.cosine + twoRootAAlpha), 2 * a * ((a - 1) - (a + 1) * w.cosine),
                      a * ((a + 1) - (a - 1) * w.cosine - twoRootAAlpha), (a + 1) + (a - 1) * w.cosine + twoRootAAlpha,
                      -2 * ((a - 1) + (a + 1) * w.cosine), (a + 1) + (a - 1) * w.cosine - twoRootAAlpha);
}

BiquadCoefficients BiquadCoefficients::highShelf(double sampleRate, double frequency, double gainDb)
{
    const Angle w(sampleRate, frequency);
    const double a = std::pow(10.0, gainDb / 40.0), alpha = w.sine / 2 * std::sqrt(2.0);
    const double twoRootAAlpha = 2 * std::sqrt(a) * alpha;
    return normalised(a * ((a + 1) + (a - 1) * w.cosine + twoRootAAlpha), -2 * a * ((a - 1) + (a + 1) * w.cosine),
                      a * ((a + 1) + (a - 1) * w.cosine - twoRootAAlpha), (a + 1) - (a - 1) * w.cosine + twoRootAAlpha,
                      2 * ((a - 1) - (a + 1) * w.cosine), (a + 1) - (a - 1) * w.cosine - twoRootAAlpha);
}

BiquadCoefficients BiquadCoefficients::highPass(double sampleRate, double frequency, double q)
{
    const Angle w(sampleRate, frequency);
    const double alpha = w.sine / (2 * q);
    return normalised((1 + w.cosine) / 2, -(1 + w.cosine), (1 + w.cosine) / 2, 1 + alpha, -2 * w.cosine, 1 - alpha);
}

BiquadCoefficients BiquadCoefficients::lowPass(double sampleRate, double frequency, double q)
{
    const Angle w(sampleRate, frequency);
    const double alpha = w.sine / (2 * q);
    return normalised((1 - w.cosine) / 2, 1 - w.cosine, (1 - w.cosine) / 2, 1 + alpha, -2 * w.cosine, 1 - alpha);
}

double BiquadCoefficients::butterworthQ(int order, int k)
{
    // Pole pairs of a Butterworth filter sit at angles (2k+1)·π/(2·order) from the imaginary axis.
    return 1.0 / (2.0 * std::sin((2 * k + 1) * pi / (2.0 * order)));
}

} // namespace loopmind::effects
