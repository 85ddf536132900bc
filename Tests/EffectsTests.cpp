// The built-in effects (Source/Effects): each one is made by name, has named parameters in range, reports its
// latency, gives the same samples every run, neither allocates nor locks while processing (parameters moving
// included), and does what its name says, measured on test signals.
#include "Core/RealtimeThread.h"
#include "Effects/Compressor.h"
#include "Effects/Delay.h"
#include "Effects/EffectFactory.h"
#include "Effects/Filter.h"
#include "Support/RealtimeChecks.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

using namespace loopmind;
using namespace loopmind::effects;

namespace {
constexpr double rate = 48000;
constexpr int block = 256;
constexpr double pi = 3.14159265358979323846;

juce::AudioBuffer<float> sine(double hz, double seconds, float level = 0.5f)
{
    juce::AudioBuffer<float> b(2, int(seconds * rate));
    for (int i = 0; i < b.getNumSamples(); ++i)
        for (int c = 0; c < 2; ++c)
            b.setSample(c, i, float(level * std::sin(2 * pi * hz * i / rate)));
    return b;
}

juce::AudioBuffer<float> impulse(double seconds)
{
    juce::AudioBuffer<float> b(2, int(seconds * rate));
    b.clear();
    b.setSample(0, 0, 1.0f);
    b.setSample(1, 0, 1.0f);
    return b;
}

/** Runs `input` (and an optional sidechain) through the effect in 256-sample blocks at 120 BPM from bar 1. */
juce::AudioBuffer<float> run(BuiltInEffect& fx, const juce::AudioBuffer<float>& input, const juce::AudioBuffer<float>* sidechain = nullptr)
{
    fx.setTempo(120.0);
    fx.prepareToPlay(rate, block);
    const int channels = std::max(2, fx.getTotalNumInputChannels());
    juce::AudioBuffer<float> out(2, input.getNumSamples()), work(channels, block);
    juce::MidiBuffer midi;
    for (int start = 0; start < input.getNumSamples(); start += block) {
        const int n = std::min(block, input.getNumSamples() - start);
        work.clear();
        juce::AudioBuffer<float> view(work.getArrayOfWritePointers(), channels, n);
        for (int c = 0; c < 2; ++c) {
            view.copyFrom(c, 0, input, c, start, n);
            if (sidechain != nullptr && channels >= 4)
                view.copyFrom(c + 2, 0, *sidechain, c, start, n);
        }
        fx.processBlock(view, midi);
        for (int c = 0; c < 2; ++c)
            out.copyFrom(c, start, view, c, 0, n);
    }
    return out;
}

double rmsDb(const juce::AudioBuffer<float>& b, int start, int length)
{
    return juce::Decibels::gainToDecibels(double(b.getRMSLevel(0, start, length)), -200.0);
}
} // namespace

TEST_CASE("every built-in effect is made by name, with named parameters in range and a reported latency", "[effects]")
{
    REQUIRE(effectTypes().size() == 7);
    CHECK(createEffect("no-such-effect") == nullptr);
    for (const auto& type : effectTypes()) {
        INFO(type);
        auto fx = createEffect(type);
        REQUIRE(fx != nullptr);
        CHECK(fx->typeName() == type);
        CHECK(fx->getLatencySamples() == 0);
        std::set<juce::String> ids;
        for (auto* p : fx->parameterList()) {
            CHECK(ids.insert(p->getParameterID()).second);
            const float value = fx->parameterValue(p->getParameterID());
            CHECK(value >= p->getNormalisableRange().start);
            CHECK(value <= p->getNormalisableRange().end);
        }
        CHECK(!ids.empty());
        CHECK(!fx->setParameter("no-such-parameter", 1.0f));
    }
}

TEST_CASE("every built-in effect gives the same samples on every run and after a reset", "[effects]")
{
    auto signal = sine(220.0, 1.0);
    signal.addFrom(0, 0, impulse(1.0), 0, 0, signal.getNumSamples());
    for (const auto& type : effectTypes()) {
        INFO(type);
        auto a = createEffect(type), b = createEffect(type);
        for (auto* fx : { a.get(), b.get() }) // move every parameter off its default, the same way on both
            for (auto* p : fx->parameterList())
                p->setValueNotifyingHost(0.3f);
        const auto first = run(*a, signal), second = run(*b, signal), again = run(*a, signal);
        CHECK(test::sameSamples(first, second));
        CHECK(test::sameSamples(first, again));
        CHECK(first.getMagnitude(0, first.getNumSamples()) < 8.0f);
    }
}

TEST_CASE("no built-in effect allocates or locks while processing, parameters moving included", "[effects][realtime]")
{
    if (!test::realtimeChecksAvailable())
        return;
    const auto signal = sine(110.0, 0.5);
    for (const auto& type : effectTypes()) {
        INFO(type);
        auto fx = createEffect(type);
        fx->prepareToPlay(rate, block);
        juce::AudioBuffer<float> work(std::max(2, fx->getTotalNumInputChannels()), block);
        juce::MidiBuffer midi;
        const auto parameters = fx->parameterList();
        test::resetRealtimeViolations();
        {
            RealtimeScope realtime;
            for (int b = 0; b < 64; ++b) {
                for (int c = 0; c < work.getNumChannels(); ++c)
                    work.copyFrom(c, 0, signal, c % 2, b * block % (signal.getNumSamples() - block), block);
                // The message thread's writes land between blocks: atomics, read by the audio thread.
                parameters[size_t(b) % parameters.size()]->setValue(float(b % 7) / 6.0f);
                fx->processBlock(work, midi);
            }
        }
        const auto v = test::realtimeViolations();
        CHECK(v.allocations == 0);
        CHECK(v.locks == 0);
    }
}

TEST_CASE("the EQ's high-pass removes the lows and its peak lifts its band", "[effects]")
{
    auto eq = createEffect("eq");
    REQUIRE(eq->setParameter("hp_on", 1.0f));
    REQUIRE(eq->setParameter("hp_freq", 200.0f));
    const auto low = run(*eq, sine(50.0, 1.0)), high = run(*eq, sine(2000.0, 1.0));
    const int settled = int(0.5 * rate);
    CHECK(rmsDb(low, settled, settled) < rmsDb(sine(50.0, 1.0), settled, settled) - 20.0);
    CHECK(std::abs(rmsDb(high, settled, settled) - rmsDb(sine(2000.0, 1.0), settled, settled)) < 0.5);

    auto bell = createEffect("eq");
    bell->setParameter("mid1_freq", 1000.0f);
    bell->setParameter("mid1_gain", 6.0f);
    const double lifted = rmsDb(run(*bell, sine(1000.0, 1.0)), settled, settled) - rmsDb(sine(1000.0, 1.0), settled, settled);
    const double far = rmsDb(run(*bell, sine(8000.0, 1.0)), settled, settled) - rmsDb(sine(8000.0, 1.0), settled, settled);
    CHECK(lifted == Approx(6.0).margin(0.1));
    CHECK(std::abs(far) < 0.5);
}

TEST_CASE("the compressor follows its static curve and ducks under its sidechain", "[effects]")
{
    CHECK(Compressor::gainReductionDb(-30.0f, -20.0f, 4.0f, 0.0f) == 0.0f);
    CHECK(Compressor::gainReductionDb(-8.0f, -20.0f, 4.0f, 0.0f) == Approx(9.0f));
    CHECK(Compressor::gainReductionDb(-20.0f, -20.0f, 4.0f, 6.0f) == Approx(0.75f * 9.0f / 12.0f));

    // A bass tone, and a "kick" on the sidechain for the first half only: the tone drops there and not after.
    Compressor duck;
    duck.setParameter("sidechain", 1.0f);
    duck.setParameter("threshold", -30.0f);
    duck.setParameter("ratio", 10.0f);
    duck.setParameter("release", 50.0f); // 0.3 s after the last kick the 26 dB of reduction is 0.07 dB
    const auto bass = sine(60.0, 1.0, 0.25f);
    auto kick = sine(50.0, 1.0, 0.9f);
    kick.clear(0, int(0.5 * rate), int(0.5 * rate));
    kick.clear(1, int(0.5 * rate), int(0.5 * rate));
    const auto out = run(duck, bass, &kick);
    const double ducked = rmsDb(out, int(0.2 * rate), int(0.25 * rate)), free = rmsDb(out, int(0.8 * rate), int(0.15 * rate));
    CHECK(free - ducked > 10.0);
    CHECK(std::abs(free - rmsDb(bass, int(0.8 * rate), int(0.15 * rate))) < 0.5);
    CHECK(duck.lastGainReductionDb() < 1.0f);
}

TEST_CASE("the delay's echo lands on the tempo's 1/8 note to the sample", "[effects]")
{
    Delay delay;
    delay.setParameter("note", 1.0f); // 1/8
    delay.setParameter("mix", 50.0f);
    delay.setParameter("feedback", 50.0f);
    const auto out = run(delay, impulse(1.0));
    const int eighth = int(rate * 60.0 / 120.0 / 2.0); // 12,000 samples at 120 BPM
    CHECK(out.getSample(0, 0) == Approx(0.5f));
    CHECK(std::abs(out.getSample(0, eighth)) > 0.3f);
    CHECK(out.getMagnitude(0, 1, eighth - 1) < 1e-6f);
    CHECK(std::abs(out.getSample(0, 2 * eighth)) > 0.05f); // the first repeat of the echo, darker
    CHECK(delay.getTailLengthSeconds() > 0.25);
}

TEST_CASE("the reverb rings after an impulse and leaves the dry path exact at mix 0", "[effects]")
{
    auto reverb = createEffect("reverb");
    const auto tail = run(*reverb, impulse(2.0));
    CHECK(rmsDb(tail, int(0.2 * rate), int(0.2 * rate)) > -60.0);
    CHECK(rmsDb(tail, int(0.2 * rate), int(0.2 * rate)) > rmsDb(tail, int(1.6 * rate), int(0.2 * rate)) + 10.0);
    CHECK(reverb->getTailLengthSeconds() > 0.5);
    reverb->setParameter("mix", 0.0f);
    const auto signal = sine(440.0, 0.5);
    CHECK(test::sameSamples(run(*reverb, signal), signal));
}

TEST_CASE("the filter cuts above its cutoff and its LFO sweeps in time with the bar", "[effects]")
{
    Filter filter;
    filter.setParameter("cutoff", 500.0f);
    const auto high = run(filter, sine(5000.0, 0.5));
    CHECK(rmsDb(high, int(0.25 * rate), int(0.2 * rate)) < rmsDb(sine(5000.0, 0.5), int(0.25 * rate), int(0.2 * rate)) - 30.0);
    // LFO over one bar (1/1 = 4 quarters): a sine LFO is 0 on the downbeat, +1 a quarter in, -1 three quarters in.
    CHECK(filter.lfoAt(0.0) == Approx(0.0f).margin(1e-6));
    CHECK(filter.lfoAt(1.0) == Approx(1.0f));
    CHECK(filter.lfoAt(7.0) == Approx(-1.0f));
    filter.setParameter("lfo_depth", 3.0f);
    const auto swept = run(filter, sine(2000.0, 2.0)); // one bar at 120 BPM is 2 s
    const double open = rmsDb(swept, int(0.45 * rate), int(0.1 * rate)), closed = rmsDb(swept, int(1.45 * rate), int(0.1 * rate));
    CHECK(open - closed > 12.0);
}

TEST_CASE("saturation rounds peaks off, stays bounded and adds harmonics, utility narrows and gains", "[effects]")
{
    auto saturation = createEffect("saturation");
    saturation->setParameter("drive", 24.0f);
    const auto loud = run(*saturation, sine(100.0, 0.5, 0.9f));
    CHECK(loud.getMagnitude(0, loud.getNumSamples()) < 0.1f); // tanh(16 x) / 16 never exceeds 1/16
    const auto clean = sine(100.0, 0.5, 0.9f);
    juce::AudioBuffer<float> difference(loud);
    const float scale = loud.getMagnitude(0, int(0.25 * rate), int(0.2 * rate)) / 0.9f;
    difference.addFrom(0, 0, clean, 0, 0, clean.getNumSamples(), -scale);
    CHECK(rmsDb(difference, int(0.25 * rate), int(0.2 * rate)) > rmsDb(loud, int(0.25 * rate), int(0.2 * rate)) - 20.0);

    auto utility = createEffect("utility");
    utility->setParameter("width", 0.0f);
    utility->setParameter("gain", 6.0f);
    auto wide = sine(300.0, 0.5);
    wide.applyGain(1, 0, wide.getNumSamples(), -1.0f); // right is left inverted: all side, no mid
    auto narrowed = run(*utility, sine(300.0, 0.5));
    CHECK(narrowed.getSample(0, int(0.3 * rate) + 7) == Approx(narrowed.getSample(1, int(0.3 * rate) + 7)).margin(1e-6));
    CHECK(rmsDb(narrowed, int(0.25 * rate), int(0.2 * rate)) == Approx(rmsDb(sine(300.0, 0.5), int(0.25 * rate), int(0.2 * rate)) + 6.0).margin(0.1));
    CHECK(run(*utility, wide).getMagnitude(0, int(0.1 * rate), int(0.3 * rate)) < 1e-4f);
}

TEST_CASE("an effect's state round-trips by parameter ID, unknown IDs are ignored", "[effects]")
{
    for (const auto& type : effectTypes()) {
        INFO(type);
        auto a = createEffect(type), b = createEffect(type);
        for (auto* p : a->parameterList())
            p->setValueNotifyingHost(0.7f);
        auto state = a->stateTree();
        juce::ValueTree stray("Parameter");
        stray.setProperty("id", "from-a-newer-version", nullptr);
        stray.setProperty("value", 1.0, nullptr);
        state.appendChild(stray, nullptr);
        b->restoreState(state);
        for (auto* p : a->parameterList())
            CHECK(b->parameterValue(p->getParameterID()) == Approx(a->parameterValue(p->getParameterID())));
    }
}
