#include "Support/SeamSignals.h"
#include <cmath>

namespace loopmind::test {

namespace {
constexpr double twoPi = 2.0 * juce::MathConstants<double>::pi;

/** A fixed-seed generator so every test signal is the same on every run. */
struct Noise {
    std::uint32_t state = 0x1234567u;
    float next()
    {
        state = state * 1664525u + 1013904223u;
        return float(double(state >> 8) / double(1 << 24) * 2.0 - 1.0);
    }
};

void addHit(juce::AudioBuffer<float>& out, int at, double rate, double pitchHz, double decaySeconds, float level, float noiseShare, Noise& noise)
{
    const int length = std::min(out.getNumSamples() - at, int(rate * decaySeconds * 8));
    for (int i = 0; i < length; ++i) {
        const double t = i / rate;
        const double attack = std::min(1.0, t / 0.001);
        const double env = attack * std::exp(-t / decaySeconds);
        const float v = float(env * ((1.0f - noiseShare) * std::sin(twoPi * pitchHz * t) + noiseShare * noise.next())) * level;
        for (int c = 0; c < out.getNumChannels(); ++c)
            out.addSample(c, at + i, v);
    }
}
} // namespace

juce::AudioBuffer<float> makePad(double rate, int samples, double hz, float level)
{
    juce::AudioBuffer<float> b(2, samples);
    const int partials = int(std::min(18.0, 4000.0 / hz));
    for (int i = 0; i < samples; ++i) {
        double v = 0;
        for (int k = 1; k <= partials; ++k)
            v += std::sin(twoPi * hz * k * i / rate + 0.3 * k) / std::pow(double(k), 1.5);
        b.setSample(0, i, float(level * v));
        b.setSample(1, i, float(level * v * 0.9));
    }
    return b;
}

juce::AudioBuffer<float> makeDcDrone(double rate, int samples, double hz, float dc, float level)
{
    juce::AudioBuffer<float> b(2, samples);
    for (int i = 0; i < samples; ++i) {
        const float v = dc + level * float(std::sin(twoPi * hz * i / rate + 1.0));
        b.setSample(0, i, v);
        b.setSample(1, i, v);
    }
    return b;
}

juce::AudioBuffer<float> makeDrums(double rate, int samples, double bpm, bool hats)
{
    juce::AudioBuffer<float> b(2, samples);
    b.clear();
    Noise noise;
    const double eighth = 30.0 / bpm * rate;
    for (int s = 0; s * eighth < samples; ++s) {
        const int at = int(std::lround(s * eighth));
        if (s % 8 == 0 || s % 8 == 5)
            addHit(b, at, rate, 55.0, 0.05, 0.8f, 0.0f, noise);
        if (s % 4 == 2)
            addHit(b, at, rate, 180.0, 0.03, 0.5f, 0.6f, noise);
        if (hats)
            addHit(b, at, rate, 8000.0, 0.01, 0.2f, 1.0f, noise);
    }
    // The tails of the last bar die before the end, as a clean drum loop's do.
    const int fade = int(rate * 0.02);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < fade; ++i)
            b.setSample(c, samples - 1 - i, b.getSample(c, samples - 1 - i) * float(i) / float(fade));
    return b;
}

juce::AudioBuffer<float> makeHardCutPercussion(double rate, int samples, double bpm)
{
    juce::AudioBuffer<float> b(2, samples);
    b.clear();
    Noise noise;
    const double beat = 60.0 / bpm * rate;
    addHit(b, int(beat * 1.5), rate, 320.0, 0.08, 0.5f, 0.3f, noise);
    addHit(b, int(beat * 2.75), rate, 410.0, 0.06, 0.4f, 0.3f, noise);
    addHit(b, samples - int(0.03 * rate), rate, 260.0, 0.4, 0.6f, 0.1f, noise); // still ringing at the end
    return b;
}

juce::AudioBuffer<float> tiled(const juce::AudioBuffer<float>& loop, int times)
{
    const int n = loop.getNumSamples();
    juce::AudioBuffer<float> out(loop.getNumChannels(), n * times);
    for (int t = 0; t < times; ++t)
        for (int c = 0; c < loop.getNumChannels(); ++c)
            out.copyFrom(c, t * n, loop, c, 0, n);
    return out;
}

} // namespace loopmind::test
