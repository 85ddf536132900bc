// The mastering room's own meters against libebur128: the 4x true-peak detector (envelope and peak),
// the streaming K-weighted loudness, the fast gated loudness of the gain search, and the streaming
// high-pass stage against the whole-buffer chain (byte for byte).
#include "Mastering/Ebur128Meter.h"
#include "Mastering/GatedLoudness.h"
#include "Mastering/HighPassStage.h"
#include "Mastering/LoudnessTargeting.h"
#include "Mastering/StreamingLoudness.h"
#include "Mastering/TruePeakDetector.h"
#include "Mastering/TruePeakLimiter.h"
#include "Support/MasteringSignals.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <cmath>

using namespace loopmind;
using namespace loopmind::mastering;
using namespace loopmind::test;

namespace {
constexpr double rate = masteringTestRate, pi = 3.14159265358979323846;

double db(double linear) { return 20.0 * std::log10(linear); }

/** A tone at a quarter of the sample rate sampled 45 degrees off its crests: samples at 0.707 x the true peak. */
juce::AudioBuffer<float> intersampleTone(float amplitude)
{
    juce::AudioBuffer<float> b(2, int(rate));
    for (int i = 0; i < b.getNumSamples(); ++i)
        for (int c = 0; c < 2; ++c)
            b.setSample(c, i, float(amplitude * std::sin(2 * pi * 0.25 * i + pi / 4)));
    return b;
}

} // namespace

TEST_CASE("the 4x true-peak detector agrees with libebur128 and sees inter-sample peaks", "[mastering][loudness]")
{
    const auto tone = intersampleTone(0.5f);
    const double ours = truePeak(tone);
    const double samplePeak = double(tone.getMagnitude(0, tone.getNumSamples()));
    const auto reference = Ebur128Meter::measure(tone, rate, true).truePeakDb;
    REQUIRE(reference.has_value());
    INFO("ours " << db(ours) << " dBTP, libebur128 " << *reference << " dBTP, sample peak " << db(samplePeak) << " dBFS");
    CHECK(db(ours) > db(samplePeak) + 2.0);     // the crests between the samples are found (ideal: +3 dB)
    CHECK(std::abs(db(ours) - db(0.5)) <= 0.3); // close to the analogue peak
    CHECK(std::abs(db(ours) - *reference) <= 0.3);

    auto groove = grooveSignal(6.0, 0.4f);
    const double grooveOurs = truePeak(groove);
    const auto grooveReference = Ebur128Meter::measure(groove, rate, true).truePeakDb;
    INFO("groove: ours " << db(grooveOurs) << ", libebur128 " << *grooveReference);
    CHECK(std::abs(db(grooveOurs) - *grooveReference) <= 0.2);
}

TEST_CASE("the true peak and the lazy envelope skip blocks exactly: same peak, same limiter curve", "[mastering][loudness]")
{
    const TruePeakLimiter limiter(rate);
    for (const auto& audio : { grooveSignal(5.0, 0.3f), intersampleTone(0.2f), roleLoop("drums", 0.9f) }) {
        const auto envelope = truePeakEnvelope(audio);
        const float largest = *std::max_element(envelope.begin(), envelope.end());
        CHECK(truePeak(audio) == double(largest));
        TruePeakEnvelope lazy(audio);
        CHECK(lazy.peak() == double(largest));
        for (double gainDb : { 0.0, 3.0, 9.0 }) {
            const double gain = std::pow(10.0, gainDb / 20.0), ceiling = std::pow(10.0, -1.0 / 20.0);
            std::vector<float> full, fromLazy(envelope.size());
            limiter.gainCurve(envelope, gain, ceiling, full);
            // Read by a streamed curve in uneven stretches, as the gain search and the renderer read it.
            LimiterCurve lazyCurve(limiter, [&](std::int64_t start, int count, float* out) { lazy.read(start, count, ceiling / gain, out); },
                                   TruePeakEnvelope::blockSamples, std::int64_t(envelope.size()), gain, ceiling);
            for (size_t at = 0; at < fromLazy.size(); at += 777)
                lazyCurve.next(fromLazy.data() + at, int(std::min<size_t>(777, fromLazy.size() - at)));
            CHECK(full == fromLazy);
            const auto whole = TruePeakLimiter::statistics(full), streamed = lazyCurve.statistics();
            CHECK(whole.maxReductionDb == streamed.maxReductionDb);
            CHECK(whole.meanReductionDb == streamed.meanReductionDb);
        }
    }
    juce::AudioBuffer<float> silence(2, 5000);
    silence.clear();
    CHECK(truePeak(silence) == 0.0);
}

TEST_CASE("the true peak measured chunk by chunk is the whole buffer's, to the bit", "[mastering][loudness]")
{
    // An inter-sample crest placed on chunk edges too: every point must see the same neighbours as in one piece.
    auto tone = intersampleTone(0.2f);
    tone.setSample(1, 16383, 0.9f);
    tone.setSample(1, 16384, -0.9f);
    for (const auto& audio : { grooveSignal(5.0, 0.3f), tone, roleLoop("drums", 0.9f) }) {
        const double whole = truePeak(audio);
        for (int chunk : { 1, 7, 1000, 1024, 16384, audio.getNumSamples() }) {
            StreamingTruePeak streamed(audio.getNumChannels());
            for (int start = 0; start < audio.getNumSamples(); start += chunk)
                streamed.add(audio, start, std::min(chunk, audio.getNumSamples() - start));
            INFO("chunks of " << chunk);
            CHECK(streamed.finish() == whole);
        }
    }
}

TEST_CASE("streaming loudness and the gain search's meter agree with libebur128", "[mastering][loudness]")
{
    for (float level : { 0.02f, 0.3f }) {
        auto audio = grooveSignal(12.0, level);
        const auto reference = Ebur128Meter::measure(audio, rate, false).integratedLufs;
        REQUIRE(reference.has_value());
        StreamingLoudness streaming(rate);
        for (int start = 0, block = 1; start < audio.getNumSamples(); start += block, block = block * 3 % 4001 + 1)
            streaming.add(audio, start, std::min(block, audio.getNumSamples() - start)); // ragged blocks
        const auto fast = GatedLoudness(audio, rate).integrated(1.0);
        juce::AudioBuffer<float> master;
        LimiterCurve unity;
        const auto delivered = renderAndMeasure(audio, 0.0, unity, master, rate); // unity gain: the audio itself
        INFO("libebur128 " << *reference << ", streaming " << streaming.integratedLufs().value_or(-999) << ", gain search "
                           << fast.value_or(-999));
        CHECK(streaming.integratedLufs().value_or(-999) == Approx(*reference).margin(0.01));
        CHECK(fast.value_or(-999) == Approx(*reference).margin(0.02));
        CHECK(delivered.integratedLufs.value_or(-999) == Approx(*reference).margin(1e-9)); // libebur128 itself
        CHECK(delivered.lra.has_value());
    }
    StreamingLoudness silent(rate);
    juce::AudioBuffer<float> silence(2, int(rate));
    silence.clear();
    silent.add(silence, 0, silence.getNumSamples());
    CHECK_FALSE(silent.integratedLufs().has_value());
}

TEST_CASE("streaming loudness range agrees with libebur128's", "[mastering][loudness]")
{
    // Sections at different levels (a quiet break between loud parts) give a loudness range worth measuring.
    auto audio = grooveSignal(40.0, 0.3f);
    for (int i = 0; i < audio.getNumSamples(); ++i) {
        const double t = i / rate, level = t < 10 ? 0.5 : t < 18 ? 0.12 : t < 30 ? 1.0 : 0.3 + 0.02 * (t - 30);
        for (int c = 0; c < 2; ++c)
            audio.setSample(c, i, float(audio.getSample(c, i) * level));
    }
    const auto reference = Ebur128Meter::measure(audio, rate, true);
    REQUIRE(reference.lra.has_value());
    StreamingLoudness streaming(rate);
    for (int start = 0; start < audio.getNumSamples(); start += 1000)
        streaming.add(audio, start, std::min(1000, audio.getNumSamples() - start));
    INFO("libebur128 LRA " << *reference.lra << ", streaming " << streaming.loudnessRange());
    CHECK(*reference.lra > 5.0); // the test signal has a range to measure
    CHECK(streaming.loudnessRange() == Approx(*reference.lra).margin(0.01));

    StreamingLoudness shortOne(rate); // under 3 s: no short-term block, as libebur128 reports
    shortOne.add(audio, 0, int(2.5 * rate));
    CHECK(shortOne.loudnessRange() == 0.0);
}

TEST_CASE("the high-pass stage run block by block gives the whole-buffer chain's master, byte for byte", "[mastering]")
{
    const auto premaster = grooveSignal(8.0, 0.3f);
    const auto lufs = Ebur128Meter::measure(premaster, rate, false).integratedLufs;

    auto whole = premaster;
    MasteringChain wholeChain(rate, 0.7);
    wholeChain.prepare(whole, lufs);

    auto streamed = premaster;
    HighPassStage stage(rate);
    for (int start = 0; start < streamed.getNumSamples(); start += 1024) {
        float* l = streamed.getWritePointer(0, start);
        float* r = streamed.getWritePointer(1, start);
        stage.process(l, r, l, r, std::min(1024, streamed.getNumSamples() - start));
    }
    MasteringChain streamedChain(rate, 0.7);
    streamedChain.prepareHighPassed(streamed, { stage.leftBands(), stage.rightBands() }, lufs);

    CHECK(sameSamples(whole, streamed));
    CHECK(wholeChain.settingsUsed().eq.lowShelfDb == streamedChain.settingsUsed().eq.lowShelfDb);
    const auto target = *deliveryPreset("streaming");
    const auto a = masterToTarget(wholeChain, whole, rate, target), b = masterToTarget(streamedChain, streamed, rate, target);
    CHECK(sameSamples(a.audio, b.audio));
    CHECK(a.measurements.measured.truePeakDb.value_or(0) <= target.truePeakDb);
}
