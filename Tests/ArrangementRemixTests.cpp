// Remix at a chosen distance: tempo, key and length stay, the measured distance lands within 0.05 of the request,
// distance 0 is the song itself byte for byte, and the same seed gives the same remix.
#include "Arrangement/ArrangementDistance.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/Remix.h"
#include "ArrangementTestPack.h"
#include <nlohmann/json.hpp>
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
/** A second pack in the same keys at the same tempo: the loops a remix may bring in. */
std::vector<LoopInfo> secondPack(double bpm)
{
    auto pack = richPack(bpm);
    for (auto& l : pack) l.path = "/pack two/" + l.path.filename().string();
    return pack;
}
} // namespace

TEST_CASE("remix: the measured distance is within 0.05 of the request, tempo, key and length stay", "[arrangement][remix]")
{
    auto style = loadStyle("house");
    REQUIRE(style.ok());
    double worst = 0;
    for (std::uint64_t songSeed : { 1, 2, 3 }) {
        ArrangementRequest request;
        request.seed = songSeed;
        request.style = style.value();
        const auto source = AIArrangementEngine().arrange(richPack(124), request);
        for (double d : { 0.0, 0.1, 0.3, 0.5, 0.8 })
            for (std::uint64_t seed : { 1, 7 }) {
                RemixRequest r;
                r.distance = d;
                r.seed = seed;
                r.extraLoops = secondPack(124);
                const auto remix = remixArrangement(source, r);
                const double measured = arrangementDistance(source, remix.arrangement);
                INFO("song seed " << songSeed << ", remix seed " << seed << ", distance " << d << ": " << remix.note);
                CHECK(std::abs(measured - d) <= 0.05);
                CHECK(remix.arrangement.bpm == source.bpm);
                CHECK(remix.arrangement.key == source.key);
                CHECK(remix.arrangement.totalBars() == source.totalBars());
                worst = std::max(worst, std::abs(measured - d));
                if (d == 0)
                    CHECK(arrangementToText(remix.arrangement) == arrangementToText(source));
                else
                    CHECK(arrangementToText(remixArrangement(source, r).arrangement) == arrangementToText(remix.arrangement));
            }
    }
    WARN("remix: worst |measured - requested| distance over 3 songs x 5 distances x 2 seeds: " << worst);
}

TEST_CASE("remix: a file round-trips with its remix record, larger distances change more", "[arrangement][remix]")
{
    ArrangementRequest request;
    const auto source = AIArrangementEngine().arrange(richPack(124), request);
    RemixRequest r;
    r.distance = 0.5;
    r.extraLoops = secondPack(124);
    const auto remix = remixArrangement(source, r).arrangement;
    REQUIRE(remix.remixSourceSeed);
    auto back = arrangementFromJson(arrangementToJson(remix), "/");
    REQUIRE(back.ok());
    CHECK(arrangementToText(back.value()) == arrangementToText(remix));
    r.distance = 0.1;
    const auto near = remixArrangement(source, r).arrangement;
    CHECK(arrangementDistance(source, near) < arrangementDistance(source, remix));
    CHECK(sectionDistance(source, source) == 0);
    CHECK(cellDistance(playedCells(source), playedCells(source)) == 0);
}

// With no other loops, a remix can only re-layer and reorder the song's five loops: about 0.35-0.45 is as far as
// that goes, so larger distances need more loops (PATH... on the command line); the test asserts 0.1 and 0.3.
TEST_CASE("remix on the demo house pack alone: accurate where its five loops allow", "[arrangement][remix][demo]")
{
    const auto& loops = analysedDemoPack("House 124 A minor");
    REQUIRE(loops.size() >= 4);
    double worst = 0, furthest = 0;
    for (std::uint64_t songSeed : { 1, 2, 3 }) {
        ArrangementRequest request;
        request.seed = songSeed;
        const auto source = AIArrangementEngine().arrange(loops, request);
        for (double d : { 0.1, 0.3 }) {
            RemixRequest r;
            r.distance = d;
            r.seed = songSeed + 10;
            const double measured = arrangementDistance(source, remixArrangement(source, r).arrangement);
            INFO("song seed " << songSeed << ", distance " << d);
            CHECK(std::abs(measured - d) <= 0.05);
            worst = std::max(worst, std::abs(measured - d));
        }
        RemixRequest far;
        far.distance = 1.0;
        far.seed = songSeed + 10;
        furthest = std::max(furthest, arrangementDistance(source, remixArrangement(source, far).arrangement));
    }
    WARN("demo house pack remix: worst |measured - requested| for d in {0.1, 0.3} over 3 songs " << worst
         << "; the furthest its own five loops reach " << furthest);
}
