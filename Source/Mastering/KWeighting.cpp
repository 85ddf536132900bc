#include "Mastering/KWeighting.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {
namespace {
constexpr double pi = 3.14159265358979323846;

/** BS.1770's absolute gate, -70 LUFS, as a mean-square energy (the 0.691 dB offset of the K-weighting). */
double absoluteGateEnergy() { return std::pow(10.0, (-70.0 + 0.691) / 10.0); }
} // namespace

KFilter kWeighting(double sampleRate)
{
    // Coefficients as libebur128 derives them for any sample rate (ITU-R BS.1770 stage 1 shelf, stage 2 RLB).
    double f0 = 1681.974450955533, G = 3.999843853973347, Q = 0.7071752369554196;
    double K = std::tan(pi * f0 / sampleRate);
    const double Vh = std::pow(10.0, G / 20.0), Vb = std::pow(Vh, 0.4996667741545416);
    double pb[3], pa[3] = { 1.0, 0.0, 0.0 };
    const double rb[3] = { 1.0, -2.0, 1.0 };
    double ra[3] = { 1.0, 0.0, 0.0 };
    const double a0 = 1.0 + K / Q + K * K;
    pb[0] = (Vh + Vb * K / Q + K * K) / a0;
    pb[1] = 2.0 * (K * K - Vh) / a0;
    pb[2] = (Vh - Vb * K / Q + K * K) / a0;
    pa[1] = 2.0 * (K * K - 1.0) / a0;
    pa[2] = (1.0 - K / Q + K * K) / a0;
    f0 = 38.13547087602444;
    Q = 0.5003270373238773;
    K = std::tan(pi * f0 / sampleRate);
    ra[1] = 2.0 * (K * K - 1.0) / (1.0 + K / Q + K * K);
    ra[2] = (1.0 - K / Q + K * K) / (1.0 + K / Q + K * K);
    KFilter f;
    f.b[0] = pb[0] * rb[0];
    f.b[1] = pb[0] * rb[1] + pb[1] * rb[0];
    f.b[2] = pb[0] * rb[2] + pb[1] * rb[1] + pb[2] * rb[0];
    f.b[3] = pb[1] * rb[2] + pb[2] * rb[1];
    f.b[4] = pb[2] * rb[2];
    f.a[0] = pa[0] * ra[0];
    f.a[1] = pa[0] * ra[1] + pa[1] * ra[0];
    f.a[2] = pa[0] * ra[2] + pa[1] * ra[1] + pa[2] * ra[0];
    f.a[3] = pa[1] * ra[2] + pa[2] * ra[1];
    f.a[4] = pa[2] * ra[2];
    return f;
}

int loudnessStepLength(double sampleRate) { return std::max(1, int((long(sampleRate + 0.5) + 5) / 10)); }

std::optional<double> gatedIntegratedLoudness(const std::vector<double>& stepEnergy, int stepLength, double gainSquared)
{
    const size_t steps = stepEnergy.size();
    const double g2 = gainSquared, blockLength = 4.0 * double(stepLength);
    const double absoluteGate = absoluteGateEnergy();
    std::vector<double> blocks;
    blocks.reserve(steps);
    double above = 0;
    for (size_t s = 3; s < steps; ++s) {
        const double e = g2 * (stepEnergy[s - 3] + stepEnergy[s - 2] + stepEnergy[s - 1] + stepEnergy[s]) / blockLength;
        if (e >= absoluteGate) {
            blocks.push_back(e);
            above += e;
        }
    }
    if (blocks.empty())
        return std::nullopt;
    const double relativeGate = above / double(blocks.size()) * 0.1;
    double sum = 0;
    size_t count = 0;
    for (double e : blocks)
        if (e >= relativeGate)
            sum += e, ++count;
    if (count == 0 || sum <= 0)
        return std::nullopt;
    return 10.0 * std::log10(sum / double(count)) - 0.691;
}

double loudnessRange(const std::vector<double>& stepEnergy, int stepLength)
{
    constexpr size_t blockSteps = 30, hopSteps = 10; // 3 s blocks, one a second: the first ends at 3 s
    const double absoluteGate = absoluteGateEnergy(), blockLength = double(blockSteps) * double(stepLength);
    std::vector<double> blocks;
    for (size_t end = blockSteps; end <= stepEnergy.size(); end += hopSteps) {
        double sum = 0;
        for (size_t s = end - blockSteps; s < end; ++s)
            sum += stepEnergy[s];
        if (sum / blockLength >= absoluteGate)
            blocks.push_back(sum / blockLength);
    }
    if (blocks.empty())
        return 0.0;
    std::sort(blocks.begin(), blocks.end());
    double power = 0;
    for (double e : blocks)
        power += e;
    const double relativeGate = 0.01 * power / double(blocks.size()); // -20 LU
    const auto first = std::lower_bound(blocks.begin(), blocks.end(), relativeGate);
    const size_t gated = size_t(blocks.end() - first);
    if (gated == 0)
        return 0.0;
    const double high = first[std::ptrdiff_t(double(gated - 1) * 0.95 + 0.5)], low = first[std::ptrdiff_t(double(gated - 1) * 0.1 + 0.5)];
    return 10.0 * std::log10(high) - 10.0 * std::log10(low);
}

} // namespace loopmind::mastering
