// Energy realised as gain: every section carries a gain and its reason, the loudest top-energy section none, and the
// renderer plays the gains per pass of a loop, so engine track i stays arrangement track i (the app's lanes index them).
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/SectionGain.h"
#include "ArrangementTestPack.h"
#include "Engine/ClipPlayerProcessor.h"
#include "Render/RenderJobBuilder.h"
#include <cmath>
#include <set>
#include <nlohmann/json.hpp>
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("section gains: recorded with the reason, lower energy never aims louder", "[arrangement][gain]")
{
    ArrangementRequest request;
    request.style = loadStyle("hip-hop").value();
    const auto a = AIArrangementEngine().arrange(richPack(92), request);
    bool unity = false;
    for (const auto& s : a.sections) {
        INFO(s.name << ": " << s.gainReason);
        CHECK(s.gainReason.find("aims") != std::string::npos);
        CHECK(s.gainDb >= maxSectionCutDb);
        CHECK(s.gainDb <= maxSectionBoostDb);
        unity = unity || (s.energy >= 0.95 && s.gainDb == 0);
    }
    CHECK(unity);
    auto back = arrangementFromJson(arrangementToJson(a), "/");
    REQUIRE(back.ok());
    CHECK(arrangementToText(back.value()) == arrangementToText(a));
}

TEST_CASE("section gains reach the renderer, engine track i is arrangement track i", "[arrangement][gain][demo]")
{
    ArrangementRequest request;
    request.sampleRate = 22050;
    const auto a = AIArrangementEngine().arrange(analysedDemoPack("House 124 A minor"), request);
    const auto prepared = prepareArrangementJob(a, OutputSettings {});
    REQUIRE(prepared.problems.empty());
    const auto& tracks = prepared.job.tracks;
    REQUIRE(tracks.size() == a.tracks.size()); // one engine track (and one stem) per arrangement track
    const auto samplesPerBar = std::llround(a.samplesPerBeat() * a.beatsPerBar);
    std::set<float> gainsSeen;
    for (size_t i = 0; i < a.tracks.size(); ++i) {
        CHECK(tracks[i].name == a.tracks[i].name);
        CHECK(tracks[i].gainDb == a.tracks[i].gainDb);
        for (const auto& s : tracks[i].segments) {
            const double expected = std::pow(10.0, sectionGainAt(a, int(s.start / samplesPerBar)) / 20.0);
            CHECK(s.gain == Approx(expected).epsilon(1e-6));
            gainsSeen.insert(s.gain);
        }
    }
    CHECK(gainsSeen.size() > 1); // the song does use different section gains
}

TEST_CASE("a section gain change between joined passes glides instead of stepping", "[arrangement][gain][engine]")
{
    constexpr int loopLength = 4800, blockSize = 256;
    auto loop = std::make_shared<juce::AudioBuffer<float>>(2, loopLength);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < loopLength; ++i)
            loop->setSample(c, i, 0.5f); // a sustained level: any gain step would show as a jump
    ClipPlayerProcessor player(loop, { { 0, loopLength, 1.0f }, { loopLength, 2 * loopLength, 0.25f } });
    player.prepareToPlay(48000, blockSize);
    juce::AudioBuffer<float> block(2, blockSize);
    juce::MidiBuffer midi;
    // The clip enters with a 2 ms fade (its audio does not start at zero) and leaves with a 5 ms one: neither
    // steps either.
    float previous = 0.0f, largestStep = 0, midSecondPass = 0;
    for (int pos = 0; pos < 2 * loopLength; pos += blockSize) {
        player.processBlock(block, midi);
        for (int i = 0; i < blockSize && pos + i < 2 * loopLength; ++i) {
            largestStep = std::max(largestStep, std::abs(block.getSample(0, i) - previous));
            previous = block.getSample(0, i);
            if (pos + i == loopLength + loopLength / 2)
                midSecondPass = previous;
        }
    }
    CHECK(midSecondPass == Approx(0.125f));
    CHECK(largestStep < 0.01f); // 0.375 spread over the 5 ms glide (240 samples) is about 0.0016 a sample
}
