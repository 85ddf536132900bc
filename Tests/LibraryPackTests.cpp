// Pack consistency: a folder that mostly agrees on a tempo corrects a misread loop whose length fits,
// reinforces the loops that agree, and reports the ones that cannot fit. Pure function: synthetic LoopInfo.
#include "Library/PackConsistency.h"
#include <algorithm>
#include <catch2/catch.hpp>

using namespace loopmind;

namespace {
LoopInfo loop(const std::string& path, std::optional<double> bpm, double seconds, double confidence = 0.6)
{
    LoopInfo l;
    l.path = path;
    l.ok = true;
    l.bpm = bpm;
    l.bpmConfidence = confidence;
    l.durationSeconds = seconds;
    return l;
}

const double bar124 = 4 * 60.0 / 124.0;

std::vector<LoopInfo> housePack()
{
    return { loop("/p/House/kick.wav", 124, 2 * bar124), loop("/p/House/hats.wav", 124, 1 * bar124),
             loop("/p/House/bass.wav", 124, 4 * bar124), loop("/p/House/chords.wav", 124.1, 4 * bar124),
             loop("/p/House/halftime.wav", 62, 4 * bar124, 0.4), // 8 beats at 62 = 16 beats at 124
             loop("/p/House/odd.wav", 97, 8 * 60.0 / 97.0),      // 4.95 s: not whole bars at 124
             loop("/p/House/hit.wav", std::nullopt, 0.3) };
}

const LoopInfo& byName(const std::vector<LoopInfo>& loops, const std::string& name)
{
    return *std::find_if(loops.begin(), loops.end(), [&](const LoopInfo& l) { return l.path.filename() == name; });
}
} // namespace

TEST_CASE("a pack's majority tempo is adopted by a misread loop whose length fits", "[library][pack]")
{
    const auto r = reconcilePackTempos(housePack());
    const auto& half = byName(r.loops, "halftime.wav");
    REQUIRE(half.bpm.has_value());
    CHECK(*half.bpm == Approx(124.025).margin(0.05));
    CHECK(half.beats == 16);
    CHECK(half.bpmConfidence > 0.4);
    REQUIRE(r.adjustments.size() == 1);
    CHECK(r.adjustments[0].find("halftime.wav") != std::string::npos);
    CHECK(r.adjustments[0].find("adopted") != std::string::npos);
}

TEST_CASE("agreeing loops gain confidence, a loop that cannot fit is reported, not changed", "[library][pack]")
{
    const auto r = reconcilePackTempos(housePack());
    CHECK(byName(r.loops, "kick.wav").bpmConfidence > 0.6);
    CHECK(*byName(r.loops, "kick.wav").bpm == 124); // agreeing tempi are not rewritten
    CHECK(*byName(r.loops, "odd.wav").bpm == 97);
    CHECK(byName(r.loops, "odd.wav").bpmConfidence == 0.6);
    CHECK_FALSE(byName(r.loops, "hit.wav").bpm.has_value()); // one-shots stay one-shots
    REQUIRE(r.disagreements.size() == 1);
    CHECK(r.disagreements[0].find("odd.wav") != std::string::npos);
    CHECK(r.disagreements[0].find("4 of 6 loops at 124") != std::string::npos);
}

TEST_CASE("a folder split between tempi is reported as having no common tempo", "[library][pack]")
{
    const std::vector<LoopInfo> loops { loop("/p/Mixed/a.wav", 120, 4.0), loop("/p/Mixed/b.wav", 120, 8.0),
                                        loop("/p/Mixed/c.wav", 97, 8 * 60.0 / 97.0), loop("/p/Mixed/d.wav", 97, 16 * 60.0 / 97.0) };
    const auto r = reconcilePackTempos(loops);
    REQUIRE(r.disagreements.size() == 1);
    CHECK(r.disagreements[0].find("no common tempo") != std::string::npos);
    CHECK(r.adjustments.empty());
    for (size_t i = 0; i < loops.size(); ++i)
        CHECK(r.loops[i].bpm == loops[i].bpm);
}

TEST_CASE("small folders and other folders are left alone, input order does not matter", "[library][pack]")
{
    auto loops = housePack();
    loops.push_back(loop("/p/Duo/a.wav", 90, 8 * 60.0 / 90.0));
    loops.push_back(loop("/p/Duo/b.wav", 45, 8 * 60.0 / 90.0, 0.3));
    const auto forward = reconcilePackTempos(loops);
    CHECK(*byName(forward.loops, "b.wav").bpm == 45); // two loops are not a pack
    std::reverse(loops.begin(), loops.end());
    const auto backward = reconcilePackTempos(loops);
    CHECK(backward.adjustments == forward.adjustments);
    CHECK(backward.disagreements == forward.disagreements);
    CHECK(*byName(backward.loops, "halftime.wav").bpm == *byName(forward.loops, "halftime.wav").bpm);
}
