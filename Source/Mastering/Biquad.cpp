#include "Mastering/Biquad.h"
#include <algorithm>

namespace loopmind::mastering {
namespace {
constexpr double pi = 3.14159265358979323846;

BiquadCoefficients normalised(double b0, double b1, double b2, double a0, double a1, double a2)
{
    return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
}

double omega(double sampleRate, double frequency)
{
    return 2.0 * pi * std::clamp(frequency, 1.0, 0.49 * sampleRate) / sampleRate;
}
} // namespace

BiquadCoefficients BiquadCoefficients::highPass(double sampleRate, double frequency, double q)
{
    const double w = omega(sampleRate, frequency), cw = std::cos(w), alpha = std::sin(w) / (2.0 * q);
    return normalised((1 + cw) / 2, -(1 + cw), (1 + cw) / 2, 1 + alpha, -2 * cw, 1 - alpha);
}

BiquadCoefficients BiquadCoefficients::lowPass(double sampleRate, double frequency, double q)
{
    const double w = omega(sampleRate, frequency), cw = std::cos(w), alpha = std::sin(w) / (2.0 * q);
    return normalised((1 - cw) / 2, 1 - cw, (1 - cw) / 2, 1 + alpha, -2 * cw, 1 - alpha);
}

BiquadCoefficients BiquadCoefficients::lowShelf(double sampleRate, double frequency, double gainDb)
{
    const double A = std::pow(10.0, gainDb / 40.0), w = omega(sampleRate, frequency), cw = std::cos(w);
    const double alpha = std::sin(w) / 2.0 * std::sqrt(2.0), k = 2.0 * std::sqrt(A) * alpha;
    return normalised(A * ((A + 1) - (A - 1) * cw + k), 2 * A * ((A - 1) - (A + 1) * cw), A * ((A + 1) - (A - 1) * cw - k),
                      (A + 1) + (A - 1) * cw + k, -2 * ((A - 1) + (A + 1) * cw), (A + 1) + (A - 1) * cw - k);
}

BiquadCoefficients BiquadCoefficients::highShelf(double sampleRate, double frequency, double gainDb)
{
    const double A = std::pow(10.0, gainDb / 40.0), w = omega(sampleRate, frequency), cw = std::cos(w);
    const double alpha = std::sin(w) / 2.0 * std::sqrt(2.0), k = 2.0 * std::sqrt(A) * alpha;
    return normalised(A * ((A + 1) + (A - 1) * cw + k), -2 * A * ((A - 1) + (A + 1) * cw), A * ((A + 1) + (A - 1) * cw - k),
                      (A + 1) - (A - 1) * cw + k, 2 * ((A - 1) - (A + 1) * cw), (A + 1) - (A - 1) * cw - k);
}

} // namespace loopmind::mastering
