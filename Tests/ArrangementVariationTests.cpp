// Variation without chaos: blocks do not repeat too often, seeds give clearly different songs, the same seed the
// same bytes. The figures are printed (WARN) so the note can quote them.
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/LayerPlan.h"
#include "Arrangement/StyleTemplate.h"
#include "ArrangementTestPack.h"
#include "Library/LoopAnalyser.h"
#include <filesystem>
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
const char* const shippedStyles[] = { "house", "techno", "hip-hop", "trap", "pop", "drum-and-bass" };

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}
} // namespace

TEST_CASE("no more than two identical consecutive 8-bar blocks, no block more than four times", "[arrangement][variation]")
{
    for (const char* name : shippedStyles) {
        auto st = loadStyle(name);
        REQUIRE(st.ok());
        const double bpm = std::round((st->minBpm + st->maxBpm) / 2);
        for (std::uint64_t seed = 1; seed <= 10; ++seed)
            for (std::optional<int> bars : { std::optional<int>(), std::optional<int>(128) }) {
                INFO(name << " seed " << seed << " bars " << bars.value_or(0));
                ArrangementRequest request;
                request.seed = seed;
                request.style = st.value();
                request.bars = bars;
                const auto a = AIArrangementEngine().arrange(richPack(bpm), request);
                const auto stats = blockStats(gridOf(a));
                CHECK(stats.longestRun <= 2);
                CHECK(stats.mostUses <= 4);
            }
    }
    // A pack with a single loop still varies (it rests) rather than looping one block all song.
    ArrangementRequest request;
    request.bars = 64;
    const auto a = AIArrangementEngine().arrange({ packLoop("kick.wav", "drums", 124, 4, "none") }, request);
    CHECK(blockStats(gridOf(a)).longestRun <= 2);
}

TEST_CASE("different seeds give clearly different songs, the same seed the same bytes", "[arrangement][variation]")
{
    for (const char* name : shippedStyles) {
        auto st = loadStyle(name);
        REQUIRE(st.ok());
        const double bpm = std::round((st->minBpm + st->maxBpm) / 2);
        std::vector<Arrangement> songs;
        std::set<std::string> orders;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            ArrangementRequest request;
            request.seed = seed;
            request.style = st.value();
            songs.push_back(AIArrangementEngine().arrange(richPack(bpm), request));
            orders.insert(sectionOrder(songs.back()));
            CHECK(arrangementToText(AIArrangementEngine().arrange(richPack(bpm), request)) == arrangementToText(songs.back()));
        }
        std::vector<double> fractions;
        for (size_t i = 0; i < songs.size(); ++i)
            for (size_t j = i + 1; j < songs.size(); ++j)
                fractions.push_back(differingCells(songs[i], songs[j]));
        const double m = median(fractions);
        WARN(name << ": median differing track x bar cells over 10 seeds " << m << ", distinct section orders "
                  << orders.size() << " of " << st->orders.size());
        INFO(name);
        CHECK(m >= 0.3);
        CHECK(orders.size() >= std::min<size_t>(3, st->orders.size()));
    }
}

TEST_CASE("on the demo house pack, seeds differ clearly and the block rules hold", "[arrangement][variation][demo]")
{
    const auto& loops = analysedDemoPack("House 124 A minor");
    REQUIRE(loops.size() >= 4);
    std::vector<Arrangement> songs;
    std::set<std::string> orders;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        ArrangementRequest request;
        request.seed = seed;
        songs.push_back(AIArrangementEngine().arrange(loops, request));
        orders.insert(sectionOrder(songs.back()));
        const auto stats = blockStats(gridOf(songs.back()));
        CHECK(stats.longestRun <= 2);
        CHECK(stats.mostUses <= 4);
        CHECK(songs.back().style == "house");
    }
    std::vector<double> fractions;
    for (size_t i = 0; i < songs.size(); ++i)
        for (size_t j = i + 1; j < songs.size(); ++j)
            fractions.push_back(differingCells(songs[i], songs[j]));
    const double m = median(fractions);
    WARN("demo house pack: median differing track x bar cells over 10 seeds " << m << ", distinct section orders " << orders.size());
    CHECK(m >= 0.3);
    CHECK(orders.size() >= 3);
}
