// The mastering chain on its own: loudness targeting, true peak, gain caps, no clicks.
#include "Mastering/Ebur128Meter.h"
#include "Mastering/LoudnessTargeting.h"
#include "Mastering/TruePeakDetector.h"
#include "Mastering/TruePeakLimiter.h"
#include "Support/MasteringSignals.h"
#include <catch2/catch.hpp>
#include <cmath>

using namespace loopmind;
using namespace loopmind::mastering;
using namespace loopmind::test;

namespace {
constexpr double rate = masteringTestRate;
constexpr double pi = 3.14159265358979323846;

MasterMeasurements masterBuffer(juce::AudioBuffer<float> audio, const DeliveryTarget& target, juce::AudioBuffer<float>* out = nullptr)
{
    const auto premaster = Ebur128Meter::measure(audio, rate, false).integratedLufs;
    MasteringChain chain(rate, 0.5);
    chain.prepare(audio, premaster);
    auto mastered = masterToTarget(chain, audio, rate, target);
    if (out)
        *out = mastered.audio;
    return mastered.measurements;
}

} // namespace

TEST_CASE("mastering lands a groove on each preset's loudness, true peak under the ceiling", "[mastering]")
{
    for (const char* name : { "streaming", "broadcast", "apple", "club" }) {
        const auto target = *deliveryPreset(name);
        juce::AudioBuffer<float> out;
        const auto m = masterBuffer(grooveSignal(20.0, 0.25f), target, &out);
        const auto check = Ebur128Meter::measure(out, rate, true); // measured again, independently of the report
        INFO(name << ": " << *check.integratedLufs << " LUFS, " << *check.truePeakDb << " dBTP, gain " << m.gainDb
                  << " dB, limiter max " << m.limiter.maxReductionDb << " dB, passes " << m.passes);
        REQUIRE(check.integratedLufs.has_value());
        CHECK(std::abs(*check.integratedLufs - target.lufs) <= 0.2);
        CHECK(*check.truePeakDb <= target.truePeakDb);
        CHECK(m.warnings.empty());
    }
}

TEST_CASE("a single very loud, clipped loop is turned down to the target without a warning", "[mastering]")
{
    juce::AudioBuffer<float> clipped(2, int(8 * rate));
    for (int i = 0; i < clipped.getNumSamples(); ++i)
        for (int c = 0; c < 2; ++c)
            clipped.setSample(c, i, float(std::clamp(4.0 * std::sin(2 * pi * 110 * i / rate), -1.0, 1.0)));
    for (const char* name : { "streaming", "club" }) {
        const auto target = *deliveryPreset(name);
        juce::AudioBuffer<float> out;
        const auto m = masterBuffer(clipped, target, &out);
        const auto check = Ebur128Meter::measure(out, rate, true);
        INFO(name << ": " << *check.integratedLufs << " LUFS, " << *check.truePeakDb << " dBTP");
        CHECK(std::abs(*check.integratedLufs - target.lufs) <= 0.2);
        CHECK(*check.truePeakDb <= target.truePeakDb);
        CHECK(m.gainDb < 0);
    }
}

TEST_CASE("near-silence is not blown up: the gain is capped and a warning says so", "[mastering]")
{
    auto quiet = grooveSignal(10.0, 0.002f); // about -55 LUFS: measurable (above the -70 LUFS gate), far too quiet
    const float inputPeak = quiet.getMagnitude(0, quiet.getNumSamples());
    juce::AudioBuffer<float> out;
    const auto m = masterBuffer(quiet, *deliveryPreset("streaming"), &out);
    CHECK(m.gainDb <= maxMasterGainDb);
    CHECK(out.getMagnitude(0, out.getNumSamples()) <= inputPeak * std::pow(10.0f, float(maxMasterGainDb) / 20.0f) * 1.5f);
    REQUIRE(m.warnings.size() == 1);
    INFO(m.warnings[0]);
    CHECK(m.warnings[0].find("very quiet") != std::string::npos);

    juce::AudioBuffer<float> silence(2, int(rate * 2));
    silence.clear();
    const auto s = masterBuffer(silence, *deliveryPreset("streaming"), &out);
    CHECK(out.getMagnitude(0, out.getNumSamples()) == 0.0f);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].find("silent") != std::string::npos);
}

TEST_CASE("a target far above what the material allows is capped at bounded limiting, with a warning", "[mastering]")
{
    // A single hit every two seconds: huge crest factor, so -3 LUFS would need absurd limiting.
    juce::AudioBuffer<float> sparse(2, int(10 * rate));
    for (int i = 0; i < sparse.getNumSamples(); ++i) {
        const double t = std::fmod(i / rate, 2.0);
        for (int c = 0; c < 2; ++c)
            sparse.setSample(c, i, float(0.5 * std::sin(2 * pi * 1000 * t) * std::exp(-40 * t)));
    }
    const auto m = masterBuffer(sparse, DeliveryTarget { "loud", -3.0, -1.0 });
    CHECK(m.limiter.maxReductionDb <= maxLimitingDb + 0.5);
    CHECK(*m.measured.truePeakDb <= -1.0);
    REQUIRE_FALSE(m.warnings.empty());
    CHECK(m.warnings[0].find("not reached") != std::string::npos);
}

TEST_CASE("the limiter holds true peaks under the ceiling without clicks", "[mastering]")
{
    // A quiet tone with a sudden loud burst: 20 dB of limiting on the burst's attack.
    juce::AudioBuffer<float> x(2, int(rate));
    for (int i = 0; i < x.getNumSamples(); ++i) {
        const bool burst = i >= 20000 && i < 22205;
        const double v = 0.05 * std::sin(2 * pi * 100 * i / rate) + (burst ? 0.9 * std::sin(2 * pi * 3000 * i / rate) : 0.0);
        for (int c = 0; c < 2; ++c)
            x.setSample(c, i, float(v));
    }
    const auto envelope = truePeakEnvelope(x);
    TruePeakLimiter limiter(rate);
    LimiterStats stats;
    const double gain = 10.0, ceiling = std::pow(10.0, -1.0 / 20.0);
    const auto curve = limiter.gainCurve(envelope, gain, ceiling, stats);
    juce::AudioBuffer<float> y(2, x.getNumSamples());
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < x.getNumSamples(); ++i)
            y.setSample(c, i, float(x.getSample(c, i) * gain * curve[size_t(i)]));
    CHECK(stats.maxReductionDb > 15.0);
    CHECK(*Ebur128Meter::measure(y, rate, true).truePeakDb <= -1.0 + 0.05);
    // The gain moves smoothly: the output never jumps more than the (gained) input does.
    CHECK(largestJump(y) <= float(gain) * largestJump(x) * 1.01f);
    float gainStep = 0;
    for (size_t i = 1; i < curve.size(); ++i)
        gainStep = std::max(gainStep, std::abs(curve[i] - curve[i - 1]));
    CHECK(gainStep < 0.05f);
    CHECK(limiter.latencySamples() > 0);
}
