// Loop seams: the click detector finds what it should and nothing else, the wrap measurement tells clean loops
// from jumpy ones, and the repair makes every repeat seamless while leaving clean loops and every head untouched.
#include "Analysis/LoopWrap.h"
#include "Library/LoopStretch.h"
#include "Library/SeamlessLoop.h"
#include "Support/ClickDetector.h"
#include "Support/SeamSignals.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
constexpr double rate = 44100;
constexpr int twoBars = 176400; // 2 bars at 120 BPM
constexpr double cleanHz = 44100.0 / 200.0; // 220.5 Hz: 200 samples a period, so 882 periods fill two bars exactly

} // namespace

TEST_CASE("the click detector finds phase jumps, spikes and steps, and passes clean music", "[seams]")
{
    SECTION("a pad tiled at exactly its period is clean; off its period it clicks at every repeat")
    {
        CHECK(findClicks(tiled(makePad(rate, twoBars, cleanHz), 3), rate, { 120 }).empty());
        const auto clicks = findClicks(tiled(makePad(rate, twoBars, 222.1), 3), rate, { 120 });
        INFO(describeClicks(clicks));
        REQUIRE(clicks.size() == 2);
        CHECK(clicks[0].onBarLine);
        CHECK(clicks[1].onBarLine);
    }
    SECTION("drums with sharp attacks are music, not clicks")
    {
        const auto clicks = findClicks(tiled(makeDrums(rate, twoBars, 120), 3), rate, { 120 });
        INFO(describeClicks(clicks));
        CHECK(clicks.empty());
    }
    SECTION("a -40 dBFS one-sample spike in a pad is found, off the bar lines")
    {
        auto pad = makePad(rate, twoBars, cleanHz);
        pad.addSample(0, 30000, 0.01f);
        const auto clicks = findClicks(pad, rate, { 120 });
        REQUIRE(clicks.size() == 1);
        CHECK(clicks[0].seconds == Approx(30000 / rate).margin(0.001));
        CHECK_FALSE(clicks[0].onBarLine);
    }
    SECTION("a DC step on a bar line under drums and a quiet pad is found there")
    {
        auto music = makeDrums(rate, twoBars, 120, false);
        const auto pad = makePad(rate, twoBars, cleanHz, 0.06f);
        for (int c = 0; c < 2; ++c)
            music.addFrom(c, 0, pad, c, 0, twoBars);
        for (int c = 0; c < 2; ++c)
            for (int i = twoBars / 2; i < twoBars; ++i)
                music.addSample(c, i, -0.05f);
        const auto clicks = findClicks(music, rate, { 120 });
        INFO(describeClicks(clicks));
        REQUIRE(clicks.size() == 1);
        CHECK(clicks[0].onBarLine);
    }
    SECTION("a pad cut dead is a click; faded over 10 ms it is not")
    {
        auto pad = makePad(rate, twoBars, cleanHz);
        auto faded = pad;
        const int cut = 70000, fade = 441;
        for (int c = 0; c < 2; ++c) {
            pad.clear(c, cut, twoBars - cut);
            for (int i = 0; i < twoBars - cut; ++i)
                faded.setSample(c, cut + i, faded.getSample(c, cut + i) * std::max(0.0f, 1.0f - float(i) / fade));
        }
        CHECK(findClicks(pad, rate).size() == 1);
        CHECK(findClicks(faded, rate).empty());
    }
}

TEST_CASE("a loop's wrap is measured: clean seams, phase jumps, DC offsets, hard-cut tails", "[seams]")
{
    const auto clean = analysis::measureLoopWrap(makePad(rate, twoBars, cleanHz), rate);
    CHECK_FALSE(clean.clicks);
    CHECK(clean.jumpDb < -60);

    const auto jumpy = analysis::measureLoopWrap(makePad(rate, twoBars, 222.1), rate);
    CHECK(jumpy.clicks);
    CHECK(jumpy.jumpDb > -60);
    CHECK(jumpy.salienceDb >= 12);

    const auto drone = analysis::measureLoopWrap(makeDcDrone(rate, twoBars, 55.7, 0.05f), rate);
    CHECK(drone.clicks);
    CHECK(drone.startDb > -30); // a clip's first entry would step by this much: the player fades it in

    CHECK(analysis::measureLoopWrap(makeHardCutPercussion(rate, twoBars, 120), rate).clicks);
    // A drum loop whose head is a kick: the attack masks whatever the tail did, nothing to mend.
    CHECK_FALSE(analysis::measureLoopWrap(makeDrums(rate, twoBars, 120), rate).clicks);
}

TEST_CASE("a jumpy loop is made seamless, its head and every clean loop stay bit for bit", "[seams]")
{
    for (const auto& [name, loop] : { std::pair { "pad off its period", makePad(rate, twoBars, 222.1) },
                                      std::pair { "drone on a DC offset", makeDcDrone(rate, twoBars, 55.7, 0.05f) },
                                      std::pair { "hard-cut percussion", makeHardCutPercussion(rate, twoBars, 120) } }) {
        INFO(name);
        auto mended = loop;
        const auto repair = makeLoopSeamless(mended, rate);
        CHECK(repair.method != SeamRepair::Method::none);
        CHECK_FALSE(analysis::measureLoopWrap(mended, rate).clicks);
        const auto clicks = findClicks(tiled(mended, 3), rate, { 120 });
        INFO(describeClicks(clicks));
        CHECK(clicks.empty());
        if (repair.method == SeamRepair::Method::crossfade) { // only the last 5 ms changed
            juce::AudioBuffer<float> head(2, twoBars - 300), original(2, twoBars - 300);
            for (int c = 0; c < 2; ++c) {
                head.copyFrom(c, 0, mended, c, 0, twoBars - 300);
                original.copyFrom(c, 0, loop, c, 0, twoBars - 300);
            }
            CHECK(sameSamples(head, original));
        }
    }
    for (const auto& clean : { makePad(rate, twoBars, cleanHz), makeDrums(rate, twoBars, 120) }) {
        auto copy = clean;
        CHECK(makeLoopSeamless(copy, rate).method == SeamRepair::Method::none);
        CHECK(sameSamples(copy, clean));
        auto shared = std::make_shared<const juce::AudioBuffer<float>>(clean);
        auto fitted = fitLoopToLength(shared, rate, twoBars, "clean.wav");
        REQUIRE(fitted.ok());
        CHECK(fitted.value() == shared); // played as the file holds it, not even copied
    }
}

TEST_CASE("a stretched jumpy loop repeats seamlessly too", "[seams]")
{
    auto shared = std::make_shared<const juce::AudioBuffer<float>>(makePad(rate, twoBars, 222.1));
    const int target = int(twoBars * 120.0 / 100.0); // played at 100 BPM
    auto fitted = fitLoopToLength(shared, rate, target, "pad.wav");
    REQUIRE(fitted.ok());
    CHECK(fitted.value()->getNumSamples() == target);
    CHECK_FALSE(analysis::measureLoopWrap(*fitted.value(), rate).clicks);
    const auto clicks = findClicks(tiled(*fitted.value(), 3), rate, { 100 });
    INFO(describeClicks(clicks));
    CHECK(clicks.empty());
}
