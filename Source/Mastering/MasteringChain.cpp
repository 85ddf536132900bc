#include "Mastering/MasteringChain.h"
#include "Mastering/Biquad.h"
#include "Mastering/GlueCompressor.h"
#include "Mastering/TruePeakDetector.h"
#include <algorithm>
#include <cmath>

namespace loopmind::mastering {

MasteringChain::MasteringChain(double sampleRate, double intensity)
    : sampleRate_(sampleRate), intensity_(std::clamp(intensity, 0.0, 1.0)), limiter_(sampleRate)
{
    used_.latencySamples = limiter_.latencySamples();
}

void MasteringChain::prepare(juce::AudioBuffer<float>& audio, std::optional<double> programmeLufs)
{
    // 4th-order Butterworth high-pass: two sections with the Butterworth Qs.
    used_.highPassHz = highPassHz;
    for (int c = 0; c < audio.getNumChannels(); ++c) {
        Biquad first(BiquadCoefficients::highPass(sampleRate_, highPassHz, 0.5412));
        Biquad second(BiquadCoefficients::highPass(sampleRate_, highPassHz, 1.3066));
        first.processInPlace(audio.getWritePointer(c), audio.getNumSamples());
        second.processInPlace(audio.getWritePointer(c), audio.getNumSamples());
    }

    used_.eq = measureTonalCorrection(audio, sampleRate_, intensity_);
    if (used_.eq.lowShelfDb != 0.0 || used_.eq.highShelfDb != 0.0)
        for (int c = 0; c < audio.getNumChannels(); ++c) {
            Biquad low(BiquadCoefficients::lowShelf(sampleRate_, lowShelfHz, used_.eq.lowShelfDb));
            Biquad high(BiquadCoefficients::highShelf(sampleRate_, highShelfHz, used_.eq.highShelfDb));
            low.processInPlace(audio.getWritePointer(c), audio.getNumSamples());
            high.processInPlace(audio.getWritePointer(c), audio.getNumSamples());
        }

    // Threshold a few dB above the programme's own loudness: only the loudest passages are touched,
    // whatever the premaster's level. Intensity 0 means no compression at all.
    if (programmeLufs && intensity_ > 0.0) {
        GlueSettings glue;
        glue.thresholdDb = *programmeLufs + 3.0;
        glue.ratio = 1.0 + 1.5 * intensity_;
        used_.glueThresholdDb = glue.thresholdDb;
        used_.glueRatio = glue.ratio;
        used_.glueMaxReductionDb = applyGlueCompressor(audio, sampleRate_, glue);
    }

    envelope_ = truePeakEnvelope(audio);
    preparedPeak_ = envelope_.empty() ? 0.0 : double(*std::max_element(envelope_.begin(), envelope_.end()));
}

LimiterStats MasteringChain::limiterCurve(double gainDb, double ceilingDb, std::vector<float>& curve) const
{
    LimiterStats stats;
    const double gain = std::pow(10.0, gainDb / 20.0), ceiling = std::pow(10.0, ceilingDb / 20.0);
    curve.clear();
    if (preparedPeak_ * gain > ceiling) // otherwise the curve is unity everywhere: skip computing it
        curve = limiter_.gainCurve(envelope_, gain, ceiling, stats);
    return stats;
}

void MasteringChain::apply(const juce::AudioBuffer<float>& prepared, double gainDb, const std::vector<float>& curve,
                           juce::AudioBuffer<float>& out)
{
    const double gain = std::pow(10.0, gainDb / 20.0);
    out.setSize(prepared.getNumChannels(), prepared.getNumSamples(), false, false, true);
    for (int c = 0; c < prepared.getNumChannels(); ++c) {
        const float* x = prepared.getReadPointer(c);
        float* y = out.getWritePointer(c);
        if (curve.empty())
            for (int i = 0; i < prepared.getNumSamples(); ++i)
                y[i] = float(double(x[i]) * gain);
        else
            for (int i = 0; i < prepared.getNumSamples(); ++i)
                y[i] = float(double(x[i]) * gain * double(curve[size_t(i)]));
    }
}

LimiterStats MasteringChain::renderTarget(const juce::AudioBuffer<float>& prepared, double gainDb, double ceilingDb,
                                          juce::AudioBuffer<float>& out) const
{
    std::vector<float> curve;
    const auto stats = limiterCurve(gainDb, ceilingDb, curve);
    apply(prepared, gainDb, curve, out);
    return stats;
}

} // namespace loopmind::mastering
