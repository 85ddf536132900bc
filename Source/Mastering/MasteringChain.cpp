#include "Mastering/MasteringChain.h"
#include "Core/ParallelFor.h"
#include "Mastering/Biquad.h"
#include "Mastering/HighPassStage.h"
#include "Mastering/GlueCompressor.h"
#include "Mastering/TruePeakDetector.h"
#include <algorithm>
#include <cmath>
#include <thread>

namespace loopmind::mastering {

MasteringChain::MasteringChain(double sampleRate, double intensity)
    : sampleRate_(sampleRate), intensity_(std::clamp(intensity, 0.0, 1.0)), limiter_(sampleRate)
{
    used_.latencySamples = limiter_.latencySamples();
}

void MasteringChain::prepare(juce::AudioBuffer<float>& audio, std::optional<double> programmeLufs)
{
    // Channels in stereo pairs (a lone last channel paired with itself), the pairs on threads of their own.
    const int channels = audio.getNumChannels();
    const size_t pairs = size_t(channels + 1) / 2;
    std::vector<BandEnergies> bands(size_t(std::max(channels, 0)));
    // Write pointers are taken before the threads start: getWritePointer also marks the buffer "not clear", a write
    // that would race between the threads.
    float* const* channelData = audio.getArrayOfWritePointers();
    parallelFor(pairs, pairs, [&](size_t p) {
        const int left = 2 * int(p), right = std::min(left + 1, channels - 1);
        HighPassStage highPass(sampleRate_);
        float* l = channelData[left];
        float* r = channelData[right];
        highPass.process(l, r, l, r, audio.getNumSamples());
        bands[size_t(left)] = highPass.leftBands();
        bands[size_t(right)] = right == left ? highPass.leftBands() : highPass.rightBands();
    });
    prepareHighPassed(audio, bands, programmeLufs);
}

void MasteringChain::prepareHighPassed(juce::AudioBuffer<float>& audio, const std::vector<BandEnergies>& bands,
                                       std::optional<double> programmeLufs)
{
    used_.highPassHz = HighPassStage::frequencyHz;
    const int channels = audio.getNumChannels(), n = audio.getNumSamples(), pairs = (channels + 1) / 2;
    used_.eq = tonalCorrection(bands, n, intensity_); // from the measured bands
    const bool shelves = used_.eq.lowShelfDb != 0.0 || used_.eq.highShelfDb != 0.0;
    // Threshold a few dB above the programme's own loudness: only the loudest passages are touched,
    // whatever the premaster's level. Intensity 0 means no compression at all.
    const bool compress = programmeLufs && intensity_ > 0.0;
    GlueSettings glue;
    if (compress) {
        glue.thresholdDb = *programmeLufs + 3.0;
        glue.ratio = 1.0 + 1.5 * intensity_;
        used_.glueThresholdDb = glue.thresholdDb;
        used_.glueRatio = glue.ratio;
    }

    // A pipeline on two threads. The helper runs the shelves ahead; the glue compressor (serial: its detector is
    // linked across channels) follows them here; the helper then K-weights the result behind the compressor for the
    // gain search. The true-peak envelope needs the finished audio and comes last, here. Every stage computes what
    // it would alone, in the same order: the result does not depend on the timing.
    float* const* channelData = audio.getArrayOfWritePointers(); // before the helper (see prepare)
    ChunkProgress shelved, compressed;
    std::thread helper([&] {
        if (shelves) {
            std::vector<StereoBiquad> low(size_t(pairs), StereoBiquad(BiquadCoefficients::lowShelf(sampleRate_, lowShelfHz, used_.eq.lowShelfDb)));
            std::vector<StereoBiquad> high(size_t(pairs), StereoBiquad(BiquadCoefficients::highShelf(sampleRate_, highShelfHz, used_.eq.highShelfDb)));
            constexpr int chunk = 1 << 14;
            for (int start = 0; start < n; start += chunk) {
                const int end = std::min(n, start + chunk);
                for (int p = 0; p < pairs; ++p) {
                    float* l = channelData[2 * p];
                    float* r = channelData[std::min(2 * p + 1, channels - 1)];
                    StereoBiquad lowShelf = low[size_t(p)], highShelf = high[size_t(p)]; // states in registers
                    for (int i = start; i < end; ++i) {
                        const auto y = highShelf.process(lowShelf.process(StereoBiquad::Pair { double(l[i]), double(r[i]) }));
                        l[i] = float(y[0]);
                        r[i] = float(y[1]);
                    }
                    low[size_t(p)] = lowShelf;
                    high[size_t(p)] = highShelf;
                }
                shelved.publish(end);
            }
        }
        shelved.publish(n);
        loudness_ = std::make_unique<GatedLoudness>(audio, sampleRate_, compress ? &compressed : nullptr);
    });
    if (compress)
        used_.glueMaxReductionDb = applyGlueCompressor(audio, sampleRate_, glue, &shelved, &compressed);
    else
        shelved.waitFor(n);
    envelope_ = std::make_unique<TruePeakEnvelope>(audio);
    preparedPeak_ = envelope_->peak();
    helper.join();
}

LimiterCurve MasteringChain::limiterCurve(double gainDb, double ceilingDb) const
{
    const double gain = std::pow(10.0, gainDb / 20.0), ceiling = std::pow(10.0, ceilingDb / 20.0);
    if (preparedPeak_ * gain <= ceiling || !envelope_) // the curve is unity everywhere
        return {};
    const TruePeakEnvelope* envelope = envelope_.get();
    const double threshold = ceiling / gain; // only peaks over it matter to the limiter: the envelope is exact there
    return LimiterCurve(limiter_, [envelope, threshold](std::int64_t start, int count, float* out) {
        envelope->read(start, count, threshold, out);
    }, TruePeakEnvelope::blockSamples, envelope->numSamples(), gain, ceiling);
}

void MasteringChain::apply(const juce::AudioBuffer<float>& prepared, double gainDb, const float* curve, float* const* out,
                           int start, int count)
{
    const double gain = std::pow(10.0, gainDb / 20.0);
    for (int c = 0; c < prepared.getNumChannels(); ++c) {
        const float* x = prepared.getReadPointer(c) + start;
        float* y = out[c];
        if (curve == nullptr)
            for (int i = 0; i < count; ++i)
                y[i] = float(double(x[i]) * gain);
        else
            for (int i = 0; i < count; ++i)
                y[i] = float(double(x[i]) * gain * double(curve[i]));
    }
}

} // namespace loopmind::mastering
