// arrangement.json schema v2: every clip carries its reason, every track its gain reason; v2 round-trips and is
// validated naming the field; v1 files still load. Mixdown balance follows loudness and role.
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/MixBalance.h"
#include "Arrangement/PackReport.h"
#include "ArrangementTestPack.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("every clip carries a machine-readable reason and v2 round-trips", "[arrangement][schema]")
{
    ArrangementRequest request;
    request.seed = 4;
    const auto a = AIArrangementEngine().arrange(richPack(124), request);
    REQUIRE(!a.tracks.empty());
    CHECK(a.style == "house");
    CHECK(a.tempoReason.find("124 BPM") == 0);
    CHECK(a.keyReason.find("A minor") == 0);
    const std::set<std::string> rulesKnown { "layer-budget", "variation", "transition-riser", "variation-repair" };
    for (const auto& t : a.tracks) {
        CHECK(t.gainReason.find("LUFS") != std::string::npos);
        for (const auto& c : t.clips) {
            CHECK(rulesKnown.count(c.reason.rule) == 1);
            CHECK(!c.reason.keyRelation.empty());
            CHECK(c.reason.keyRelation != "clash");
            CHECK(c.reason.score > 0);
            CHECK(c.reason.score <= 1);
            for (const auto& s : a.sections)
                if (c.startBar >= s.startBar && c.startBar < s.startBar + s.bars)
                    CHECK(c.reason.energy == s.energy);
        }
    }
    const auto text = arrangementToText(a);
    const auto j = nlohmann::json::parse(text);
    CHECK(j["schemaVersion"] == 3);
    CHECK(j["tracks"][0]["clips"][0]["reason"]["role"] == a.tracks[0].role);
    auto back = arrangementFromJson(j, "/");
    REQUIRE(back.ok());
    CHECK(arrangementToText(back.value()) == text);

    auto broken = [&](auto edit) {
        auto k = j;
        edit(k);
        auto r = arrangementFromJson(k, "/");
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    CHECK(broken([](auto& k) { k["tracks"][0]["clips"][0]["reason"]["score"] = 3; }).find("arrangement.tracks[0].clips[0].reason.score") == 0);
    CHECK(broken([](auto& k) { k["tracks"][0]["clips"][0]["reason"]["role"] = "fx"; }).find("arrangement.tracks[0].clips[0].reason.role") == 0);
    CHECK(broken([](auto& k) { k["tracks"][0]["gainReason"] = 5; }).find("arrangement.tracks[0].gainReason") == 0);
    CHECK(broken([](auto& k) { k["choices"] = "why"; }).find("arrangement.choices") == 0);
    // Reasons are optional: a user may delete them.
    auto k = j;
    k["tracks"][0]["clips"][0].erase("reason");
    k["tracks"][0].erase("gainReason");
    CHECK(arrangementFromJson(k, "/").ok());
}

TEST_CASE("schema v1 files still load", "[arrangement][schema]")
{
    const auto v1 = nlohmann::json::parse(R"({
      "schemaVersion": 1, "generator": "loopmind 0.1.0", "seed": 1, "bpm": 124.0, "key": "A minor",
      "sampleRate": 44100.0, "beatsPerBar": 4, "totalBars": 16, "lengthSeconds": 30.967742,
      "sections": [ { "name": "intro", "startBar": 0, "bars": 8, "energy": 0.3 }, { "name": "main", "startBar": 8, "bars": 8, "energy": 1.0 } ],
      "tracks": [ { "name": "drums 1", "role": "drums", "gainDb": -6.0, "pan": 0.0,
                    "loop": { "path": "loops/drums.wav", "bpm": 124.0, "beats": 8, "key": "none" },
                    "clips": [ { "startBar": 0, "bars": 16 } ] } ],
      "excluded": [ { "path": "/loops/other/88.wav", "reason": "too far" } ] })");
    auto a = arrangementFromJson(v1, "/songs");
    INFO(a.error());
    REQUIRE(a.ok());
    CHECK(a->bpm == 124);
    CHECK(a->tracks[0].loopPath == std::filesystem::path("/songs/loops/drums.wav"));
    CHECK(a->tracks[0].gainDb == -6.0);
    CHECK(a->tracks[0].clips[0].reason.rule.empty());
    CHECK(a->style.empty());
    // Written back, it is v2.
    CHECK(arrangementToJson(a.value())["schemaVersion"] == 3);
    auto bad = v1;
    bad["tracks"][0]["clips"][0]["bars"] = 0;
    CHECK(arrangementFromJson(bad, "/").error().find("arrangement.tracks[0].clips[0].bars") == 0);
}

TEST_CASE("mixdown balance: drums and bass anchor, harmony under them, fx lower, louder loops turned down", "[arrangement][mix]")
{
    LoopInfo l;
    l.lufs = -10.0;
    const double drums = balanceTrack(l, "drums").gainDb, bass = balanceTrack(l, "bass").gainDb;
    const double chords = balanceTrack(l, "chords").gainDb, melody = balanceTrack(l, "melody").gainDb;
    const double fx = balanceTrack(l, "fx").gainDb;
    CHECK(drums > chords);
    CHECK(bass > chords);
    CHECK(bass > melody);
    CHECK(chords > fx);
    CHECK(drums < 0); // headroom on the bus
    l.lufs = -4.0;
    CHECK(balanceTrack(l, "drums").gainDb == Approx(drums - 6.0));
    CHECK(balanceTrack(l, "drums").reason.find("-4.0 LUFS") != std::string::npos);
    l.lufs.reset();
    CHECK(balanceTrack(l, "drums").reason.find("not measured") != std::string::npos);
    l.lufs = -60.0; // near silence: no gain explosion
    CHECK(balanceTrack(l, "fx").gainDb <= 6.0);
}

TEST_CASE("the pack report explains tempo, key, clusters and every loop left out", "[arrangement][explain]")
{
    auto loops = richPack(124);
    loops.push_back(packLoop("slow.wav", "chords", 88, 8, "A minor"));
    loops.push_back(packLoop("clash.wav", "melody", 124, 8, "F# major"));
    const auto a = AIArrangementEngine().arrange(loops, {});
    const auto report = explainPack(loops, a, false);
    CHECK(report.find("tempo: 124 BPM") != std::string::npos);
    CHECK(report.find("key: A minor") != std::string::npos);
    CHECK(report.find("around A minor [project key]") != std::string::npos);
    CHECK(report.find("around F# major") != std::string::npos);
    CHECK(report.find("slow.wav: 88 BPM") != std::string::npos);
    CHECK(report.find("clash.wav: key F# major clashes") != std::string::npos);
    for (const auto& e : a.excluded)
        CHECK(report.find(e.reason) != std::string::npos);
}
