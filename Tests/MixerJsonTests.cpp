// arrangement.json v3's `mixer` section: strips, inserts with parameters, sends, returns, groups and the master
// round-trip; v2 files load with an empty mixer; mistakes are refused naming the field.
#include "Arrangement/ArrangementFile.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace loopmind;

namespace {
Arrangement songWithMixer()
{
    Arrangement a;
    a.bpm = 100;
    a.sections = { { "main", 0, 8, 1.0, 0.0, {} } };
    for (const char* name : { "kick", "bass", "keys" }) {
        ArrangementTrack t;
        t.name = name;
        t.role = name == std::string("kick") ? "drums" : name == std::string("bass") ? "bass" : "chords";
        t.loopPath = std::string("/loops/") + name + ".wav";
        t.loopBpm = 100;
        t.loopBeats = 8;
        t.clips = { { 0, 8, {} } };
        a.tracks.push_back(t);
    }
    a.mixer.returns = { { "plate", {}, "space behind the chords" } };
    a.mixer.returns[0].strip.inserts = { { "reverb", { { "mix", 100 }, { "size", 70 } }, false, {}, {} } };
    a.mixer.groups = { { "low end", {}, {} } };
    a.mixer.groups[0].strip.volumeDb = -2;
    a.mixer.groups[0].strip.inserts = { { "compressor", { { "ratio", 2 } }, false, {}, "glue" } };
    a.mixer.master.inserts = { { "utility", { { "width", 90 } }, true, {}, {} } };
    a.mixer.master.volumeDb = -1;
    auto& bass = a.tracks[1].strip;
    bass.pan = -0.25;
    bass.output = "low end";
    bass.inserts = { { "compressor", { { "threshold", -30 } }, false, "kick", "duck under the kick" } };
    auto& keys = a.tracks[2].strip;
    keys.sends = { { 0, -9.5, true } };
    keys.invertPolarity = true;
    keys.solo = true;
    keys.volumeDb = -4.5;
    return a;
}

std::string errorOf(nlohmann::json j)
{
    auto r = arrangementFromJson(j, "/");
    REQUIRE_FALSE(r.ok());
    return r.error();
}
} // namespace

TEST_CASE("the mixer section round-trips: strips, inserts, sends, returns, groups, master", "[arrangement][schema][mixer]")
{
    const auto a = songWithMixer();
    const auto text = arrangementToText(a);
    const auto j = nlohmann::json::parse(text);
    CHECK(j["schemaVersion"] == 3);
    CHECK(j["tracks"][1]["pan"] == -0.25);
    CHECK(j["mixer"]["tracks"][1]["track"] == "bass");
    CHECK(j["mixer"]["tracks"][1]["inserts"][0]["sidechain"] == "kick");
    CHECK(j["mixer"]["tracks"][2]["sends"][0]["return"] == "plate");
    CHECK(j["mixer"]["returns"][0]["reason"] == "space behind the chords");
    auto back = arrangementFromJson(j, "/");
    INFO(back.error());
    REQUIRE(back.ok());
    CHECK(arrangementToText(back.value()) == text);
    const auto& keys = back->tracks[2].strip;
    CHECK(keys.sends.size() == 1);
    CHECK(keys.sends[0].preFader);
    CHECK(keys.sends[0].levelDb == -9.5);
    CHECK(keys.invertPolarity);
    CHECK(keys.solo);
    CHECK(back->tracks[1].strip.output == "low end");
    CHECK(back->tracks[1].strip.inserts[0].parameters.at("threshold") == -30);
    CHECK(back->mixer.master.inserts[0].bypassed);
    CHECK(back->mixer.groups[0].strip.inserts[0].reason == "glue");
}

TEST_CASE("a v2 file loads with an empty mixer and its pans", "[arrangement][schema][mixer]")
{
    auto j = nlohmann::json::parse(arrangementToText(songWithMixer()));
    j["schemaVersion"] = 2;
    j.erase("mixer");
    auto a = arrangementFromJson(j, "/");
    REQUIRE(a.ok());
    CHECK(a->mixer.empty());
    CHECK(a->tracks[1].strip.pan == -0.25);
    CHECK(a->tracks[1].strip.inserts.empty());
    // A v2 file's stray mixer is not read: v2 had none.
    auto stray = nlohmann::json::parse(arrangementToText(songWithMixer()));
    stray["schemaVersion"] = 2;
    CHECK(arrangementFromJson(stray, "/")->mixer.empty());
}

TEST_CASE("mixer mistakes are refused naming the field", "[arrangement][schema][mixer]")
{
    const auto j = nlohmann::json::parse(arrangementToText(songWithMixer()));
    auto edited = [&](auto edit) {
        auto k = j;
        edit(k["mixer"]);
        return errorOf(k);
    };
    CHECK(edited([](auto& m) { m["tracks"][2]["sends"][0]["return"] = "hall"; })
          == "arrangement.mixer.tracks[2].sends[0].return: no return bus called 'hall'");
    CHECK(edited([](auto& m) { m["tracks"][1]["output"] = "nowhere"; }).find("arrangement.mixer.tracks[1].output: no group called 'nowhere'") == 0);
    CHECK(edited([](auto& m) { m["tracks"][0]["track"] = "bass"; }).find("arrangement.mixer.tracks[0].track") == 0);
    CHECK(edited([](auto& m) { m["tracks"].erase(2); }).find("arrangement.mixer.tracks: 2 strips for 3 tracks") == 0);
    CHECK(edited([](auto& m) { m["tracks"][1]["volumeDb"] = 60; }).find("arrangement.mixer.tracks[1].volumeDb") == 0);
    CHECK(edited([](auto& m) { m["tracks"][1]["inserts"][0]["parameters"]["ratio"] = "hard"; })
              .find("arrangement.mixer.tracks[1].inserts[0].parameters.ratio") == 0);
    CHECK(edited([](auto& m) { m["tracks"][1]["inserts"][0]["sidechain"] = "snare"; }).find("'snare', which is no track") != std::string::npos);
    CHECK(edited([](auto& m) { m["groups"][0]["strip"]["output"] = "low end"; }).find("a bus cannot feed itself") != std::string::npos);
    CHECK(edited([](auto& m) { m["returns"].push_back(m["returns"][0]); }).find("arrangement.mixer.returns[1].name") == 0);
    CHECK(edited([](auto& m) {
              for (int i = 0; i < 9; ++i)
                  m["tracks"][0]["inserts"].push_back({ { "type", "eq" } });
          }).find("arrangement.mixer.tracks[0].inserts: at most 8") == 0);
    CHECK(edited([](auto& m) { m["tracks"][2]["mute"] = "yes"; }).find("arrangement.mixer.tracks[2].mute: expected true or false") == 0);
}
