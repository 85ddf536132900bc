#include "Support/MasteringSignals.h"
#include <cmath>
#include <cstdint>

namespace loopmind::test {
namespace {
constexpr double pi = 3.14159265358979323846, rate = masteringTestRate;

/** Uniform noise in [-1, 1) from a fixed linear congruential sequence. */
double nextNoise(std::uint32_t& state)
{
    state = state * 1664525u + 1013904223u;
    return double(state >> 8) / double(1u << 24) * 2.0 - 1.0;
}

double kick(double sinceBeat, double sweep, double decay)
{
    return std::sin(2 * pi * (50 + sweep * std::exp(-30 * sinceBeat)) * sinceBeat) * std::exp(-decay * sinceBeat);
}
} // namespace

juce::AudioBuffer<float> grooveSignal(double seconds, float level)
{
    const int n = int(seconds * rate);
    juce::AudioBuffer<float> b(2, n);
    std::uint32_t noise = 12345;
    for (int i = 0; i < n; ++i) {
        const double t = i / rate, beat = std::fmod(t, 0.5), eighth = std::fmod(t, 0.25);
        const double hat = nextNoise(noise) * std::exp(-60 * eighth) * 0.3;
        const double bass = 0.4 * std::tanh(3 * std::sin(2 * pi * 55 * t)) * (0.6 + 0.4 * std::exp(-4 * beat));
        const double pad = 0.15 * (std::sin(2 * pi * 220 * t) + std::sin(2 * pi * 277.2 * t) + std::sin(2 * pi * 329.6 * t));
        const double k = kick(beat, 80, 6);
        b.setSample(0, i, float(level * (k + hat + bass + pad)));
        b.setSample(1, i, float(level * (k + 0.8 * hat + bass + 0.9 * pad)));
    }
    return b;
}

juce::AudioBuffer<float> roleLoop(const std::string& role, float level)
{
    const int n = int(4.0 * rate);
    juce::AudioBuffer<float> b(2, n);
    std::uint32_t noise = 777;
    for (int i = 0; i < n; ++i) {
        const double t = i / rate, beat = std::fmod(t, 0.5);
        const double white = nextNoise(noise);
        double v = 0;
        if (role == "drums")
            v = kick(beat, 90, 7) + 0.25 * white * std::exp(-50 * std::fmod(t, 0.25));
        else if (role == "bass")
            v = 0.6 * std::tanh(2.5 * std::sin(2 * pi * 55 * t)) * (0.5 + 0.5 * std::exp(-3 * beat));
        else
            v = 0.2 * (std::sin(2 * pi * 220 * t) + std::sin(2 * pi * 261.6 * t) + std::sin(2 * pi * 329.6 * t)
                       + 0.3 * std::sin(2 * pi * 1318.5 * t));
        b.setSample(0, i, float(level * v));
        b.setSample(1, i, float(level * v * (role == "chords" ? 0.8 : 1.0)));
    }
    return b;
}

float largestJump(const juce::AudioBuffer<float>& audio)
{
    float jump = 0;
    for (int c = 0; c < audio.getNumChannels(); ++c)
        for (int i = 1; i < audio.getNumSamples(); ++i)
            jump = std::max(jump, std::abs(audio.getSample(c, i) - audio.getSample(c, i - 1)));
    return jump;
}

} // namespace loopmind::test
