#include "Mastering/GlueCompressor.h"
#include "Mastering/Biquad.h"
#include <algorithm>
#include <cmath>
#include <vector>

namespace loopmind::mastering {
namespace {
constexpr int controlInterval = 16; // gain computed every 16 samples and interpolated: no audible steps
constexpr int progressChunk = 1 << 14; // how far ahead to wait for the stage before, and how often to tell the one after

double coefficient(double ms, double rate) { return 1.0 - std::exp(-1.0 / (ms * 0.001 * rate)); }

double staticReductionDb(double levelDb, const GlueSettings& s)
{
    const double over = levelDb - s.thresholdDb, slope = 1.0 - 1.0 / s.ratio, half = s.kneeDb / 2.0;
    if (over <= -half)
        return 0.0;
    if (over >= half)
        return over * slope;
    return slope * (over + half) * (over + half) / (2.0 * s.kneeDb);
}
} // namespace

double applyGlueCompressor(juce::AudioBuffer<float>& audio, double sampleRate, const GlueSettings& settings,
                           const ChunkProgress* input, ChunkProgress* output)
{
    const int channels = audio.getNumChannels(), n = audio.getNumSamples();
    if (channels == 0 || n == 0 || settings.ratio <= 1.0) {
        waitIfFollowing(input, n);
        if (output != nullptr)
            output->publish(n);
        return 0.0;
    }
    // Side-chain high-pass per stereo pair (lanes of one vector; a lone last channel pairs with itself).
    const int pairs = (channels + 1) / 2;
    std::vector<StereoBiquad> sideChain(size_t(pairs), StereoBiquad(BiquadCoefficients::highPass(sampleRate, 100.0, 0.7071)));
    const double rms = coefficient(20.0, sampleRate), keep = 1.0 - rms, perChannelRms = rms / channels;
    const double controlRate = sampleRate / controlInterval;
    const double fastAttack = coefficient(10.0, controlRate), fastRelease = coefficient(80.0, controlRate);
    const double slowAttack = coefficient(400.0, controlRate), slowRelease = coefficient(1000.0, controlRate);

    // Raw pointers taken once (getReadPointer per sample kept the compiler from optimising the loop).
    float* const* data = audio.getArrayOfWritePointers();
    double meanSquare = 0, fast = 0, slow = 0, deepest = 0, previousGain = 1.0;
    std::int64_t available = input != nullptr ? 0 : n;
    for (int start = 0; start < n; start += controlInterval) {
        const int count = std::min(controlInterval, n - start);
        if (start + count > available) // the stage before has not got this far: wait for a chunk of it
            available = input->waitFor(std::min<std::int64_t>(n, start + progressChunk));
        if (output != nullptr && start % progressChunk == 0 && start > 0)
            output->publish(start);
        double ms = meanSquare;
        if (pairs == 1) { // stereo (or mono): the filter as a local, its state in registers through the block
            const float* l = data[0] + start;
            const float* r = data[channels - 1] + start;
            StereoBiquad filter = sideChain[0];
            for (int i = 0; i < count; ++i) {
                const auto v = filter.process(StereoBiquad::Pair { double(l[i]), double(r[i]) });
                const double power = channels == 2 ? v[0] * v[0] + v[1] * v[1] : v[0] * v[0];
                ms = ms * keep + power * perChannelRms; // one multiply-add on the serial chain
            }
            sideChain[0] = filter;
        } else
            for (int i = start; i < start + count; ++i) {
                double power = 0;
                for (int p = 0; p < pairs; ++p) {
                    const int left = 2 * p, right = std::min(left + 1, channels - 1);
                    const auto v = sideChain[size_t(p)].process(StereoBiquad::Pair { double(data[left][i]), double(data[right][i]) });
                    power += v[0] * v[0];
                    if (right != left)
                        power += v[1] * v[1];
                }
                ms = ms * keep + power * perChannelRms;
            }
        meanSquare = ms;
        const double target = staticReductionDb(10.0 * std::log10(meanSquare + 1e-20), settings);
        fast += (target - fast) * (target > fast ? fastAttack : fastRelease);
        slow += (target - slow) * (target > slow ? slowAttack : slowRelease);
        const double reduction = std::max(fast, slow);
        deepest = std::max(deepest, reduction);
        const double gain = std::pow(10.0, -reduction / 20.0), step = (gain - previousGain) / double(count);
        for (int c = 0; c < channels; ++c) {
            float* x = data[c] + start;
            for (int i = 0; i < count; ++i)
                x[i] = float(double(x[i]) * (previousGain + step * double(i + 1)));
        }
        previousGain = gain;
    }
    if (output != nullptr)
        output->publish(n);
    return deepest;
}

} // namespace loopmind::mastering
