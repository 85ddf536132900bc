// The model hook: a learned linear scorer loaded from a weights file made here changes which loops are chosen,
// deterministically, and its SHA-256 is recorded; a broken file is refused with the field named.
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/LinearLoopScorer.h"
#include "Arrangement/Sha256.h"
#include "ArrangementTestPack.h"
#include <nlohmann/json.hpp>
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
std::set<std::string> usedLoops(const Arrangement& a)
{
    std::set<std::string> used;
    for (const auto& t : a.tracks) used.insert(t.loopPath.string());
    return used;
}
} // namespace

TEST_CASE("sha256 matches the FIPS 180-4 examples", "[arrangement][scorer]")
{
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
          == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("a learned scorer changes the choices deterministically and is recorded", "[arrangement][scorer]")
{
    // Prefers quiet, long loops in a related (not the same) key: the opposite of the rule-based order.
    const std::string weights = R"({ "format": "loopmind-linear-scorer", "version": 1, "bias": 0.0,
        "weights": { "sameKey": -8.0, "relativeKey": 4.0, "fifthKey": 4.0, "loudness": -6.0, "lengthBars": 3.0 } })";
    auto scorer = LinearLoopScorer::fromText(weights, "test-weights.json");
    REQUIRE(scorer.ok());
    CHECK(scorer.value()->modelHash() == sha256Hex(weights));
    const auto pack = richPack(124);
    const LoopSlot slot { "bass", 124, std::string("A minor") };
    CHECK(scorer.value()->score(pack[4], slot) > scorer.value()->score(pack[3], slot)); // C major bass over A minor
    CHECK(RuleLoopScorer().score(pack[4], slot) < RuleLoopScorer().score(pack[3], slot));

    int changed = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        ArrangementRequest rule, learned;
        rule.seed = learned.seed = seed;
        rule.maxLoopsPerRole = learned.maxLoopsPerRole = 1;
        learned.scorer = scorer.value();
        const auto a = AIArrangementEngine().arrange(pack, rule), b = AIArrangementEngine().arrange(pack, learned);
        changed += usedLoops(a) != usedLoops(b);
        CHECK(arrangementToText(AIArrangementEngine().arrange(pack, learned)) == arrangementToText(b));
        CHECK(b.scorer == "test-weights.json");
        CHECK(b.scorerHash == sha256Hex(weights));
        CHECK(arrangementToJson(b).at("scorer").at("sha256") == sha256Hex(weights));
        CHECK_FALSE(arrangementToJson(a).contains("scorer"));
    }
    WARN("learned scorer: loop choices differ from the rule-based scorer's in " << changed << " of 10 seeds");
    CHECK(changed >= 5);
}

TEST_CASE("a broken weights file is refused with the field named", "[arrangement][scorer]")
{
    auto unknown = LinearLoopScorer::fromText(R"({ "format": "loopmind-linear-scorer", "version": 1, "bias": 0, "weights": { "tempo": 1 } })", "w");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("scorer.weights.tempo: unknown feature") != std::string::npos);
    auto notNumber = LinearLoopScorer::fromText(R"({ "format": "loopmind-linear-scorer", "version": 1, "bias": 0, "weights": { "stretch": "x" } })", "w");
    REQUIRE_FALSE(notNumber.ok());
    CHECK(notNumber.error().find("scorer.weights.stretch") != std::string::npos);
    auto noBias = LinearLoopScorer::fromText(R"({ "format": "loopmind-linear-scorer", "version": 1, "weights": {} })", "w");
    REQUIRE_FALSE(noBias.ok());
    CHECK(noBias.error() == "scorer.bias: missing");
    CHECK_FALSE(LinearLoopScorer::fromText("not json", "w").ok());
    CHECK_FALSE(LinearLoopScorer::fromText(R"({ "format": "other", "version": 1, "bias": 0, "weights": {} })", "w").ok());
}
