// The arranger is seeded and reproducible, leaves out what does not fit with the reason, and
// arrangement.json round-trips and is validated field by field.
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/KeyRelation.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace loopmind;
namespace fs = std::filesystem;

namespace {
LoopInfo loop(const std::string& name, const std::string& role, double bpm, double seconds, std::optional<std::string> key)
{
    LoopInfo l;
    l.path = "/loops/" + name;
    l.ok = true;
    l.role = role;
    l.bpm = bpm;
    l.durationSeconds = seconds;
    l.sampleRate = 44100;
    l.channels = 2;
    l.key = std::move(key);
    return l;
}

LoopInfo oneShot(const std::string& name, const std::string& role, double seconds)
{
    auto l = loop(name, role, 120, seconds, std::nullopt);
    l.bpm.reset();
    return l;
}

std::vector<LoopInfo> pack()
{
    const double bar = 4 * 60.0 / 124.0;
    return { loop("kick.wav", "drums", 124, 2 * bar, "none"), loop("top.wav", "drums", 124, 1 * bar, "none"),
             loop("tops2.wav", "drums", 124, 2 * bar, "none"), loop("bass.wav", "bass", 124, 4 * bar, "A minor"),
             loop("chords.wav", "chords", 124, 4 * bar, "A minor"), loop("lead.wav", "melody", 124, 2 * bar, "C major"),
             loop("riser.wav", "fx", 124, 2 * bar, "none"), loop("slow.wav", "chords", 88, 8 * 60.0 / 88.0, "A minor"),
             loop("clash.wav", "melody", 124, 2 * bar, "F# major"), oneShot("hit.wav", "fx", 0.3) };
}
} // namespace

TEST_CASE("the same loops and seed give the same arrangement.json, byte for byte", "[arrangement]")
{
    ArrangementRequest request;
    request.seed = 7;
    auto a = arrangementToText(AIArrangementEngine().arrange(pack(), request));
    auto loops = pack();
    std::reverse(loops.begin(), loops.end()); // the order files were found in must not matter
    auto b = arrangementToText(AIArrangementEngine().arrange(loops, request));
    CHECK(a == b);
}

TEST_CASE("different seeds give different songs", "[arrangement]")
{
    std::set<std::string> songs;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        ArrangementRequest request;
        request.seed = seed;
        auto j = arrangementToJson(AIArrangementEngine().arrange(pack(), request));
        j.erase("seed");
        songs.insert(j.dump());
    }
    CHECK(songs.size() >= 4);
}

TEST_CASE("loops that do not fit are left out with the reason", "[arrangement]")
{
    ArrangementRequest request;
    auto a = AIArrangementEngine().arrange(pack(), request);
    CHECK(a.bpm == 124);
    REQUIRE(a.key.has_value());
    CHECK(*a.key == "A minor");
    auto reasonFor = [&](const std::string& name) -> std::string {
        for (const auto& e : a.excluded)
            if (e.path.filename() == name)
                return e.reason;
        return {};
    };
    CHECK(reasonFor("slow.wav").find("88 BPM") != std::string::npos); // 88 -> 124 is beyond a clean stretch
    CHECK(reasonFor("clash.wav").find("clashes") != std::string::npos);
    CHECK(reasonFor("hit.wav").find("no tempo") != std::string::npos);
    const int extraDrums = int(reasonFor("tops2.wav").find("enough drums") != std::string::npos)
                           + int(reasonFor("top.wav").find("enough drums") != std::string::npos)
                           + int(reasonFor("kick.wav").find("enough drums") != std::string::npos);
    CHECK(extraDrums == 1); // three drum loops, two used
    CHECK(reasonFor("lead.wav").empty()); // C major is the relative major of A minor
    CHECK(a.totalBars() % 8 == 0); // house: the grammar's natural length, in 8-bar phrases
    for (const auto& t : a.tracks)
        for (const auto& c : t.clips)
            CHECK(c.startBar + c.bars <= a.totalBars());
}

TEST_CASE("a requested bar count gives a song of exactly that many bars", "[arrangement]")
{
    for (int bars : { 4, 8, 16, 24, 32, 40, 96, 128 }) {
        ArrangementRequest request;
        request.bars = bars;
        CHECK(AIArrangementEngine().arrange(pack(), request).totalBars() == bars);
    }
}

TEST_CASE("key relations follow the Camelot wheel", "[arrangement]")
{
    CHECK(keysAreCompatible("A minor", "A minor"));
    CHECK(keysAreCompatible("A minor", "C major"));
    CHECK(keysAreCompatible("A minor", "E minor"));
    CHECK(keysAreCompatible("A minor", "D minor"));
    CHECK_FALSE(keysAreCompatible("A minor", "F# major"));
    CHECK_FALSE(keysAreCompatible("A minor", "G major"));
    CHECK_FALSE(keysAreCompatible("C major", "bogus"));
}

TEST_CASE("arrangement.json round-trips and is validated with errors naming the field", "[arrangement]")
{
    auto a = AIArrangementEngine().arrange(pack(), {});
    const auto text = arrangementToText(a);
    auto back = arrangementFromJson(nlohmann::json::parse(text), "/");
    REQUIRE(back.ok());
    CHECK(arrangementToText(back.value()) == text);

    auto broken = [&](auto edit) {
        auto j = nlohmann::json::parse(text);
        edit(j);
        auto r = arrangementFromJson(j, "/");
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    CHECK(broken([](auto& j) { j.erase("bpm"); }) == "arrangement.bpm: missing");
    CHECK(broken([](auto& j) { j["bpm"] = "fast"; }).find("arrangement.bpm") == 0);
    CHECK(broken([](auto& j) { j["tracks"][0]["role"] = "kazoo"; }).find("arrangement.tracks[0].role") == 0);
    CHECK(broken([](auto& j) { j["tracks"][1]["clips"][0]["bars"] = 9999; }).find("arrangement.tracks[1].clips[0].bars") == 0);
    CHECK(broken([](auto& j) { j["tracks"][0]["loop"].erase("path"); }) == "arrangement.tracks[0].loop.path: missing");
    CHECK(broken([](auto& j) { j["schemaVersion"] = 99; }).find("arrangement.schemaVersion") == 0);
    CHECK(broken([](auto& j) { j["sections"][1]["startBar"] = 3; }).find("arrangement.sections[1].startBar") == 0);
}

TEST_CASE("arrangement files are written atomically and read back", "[arrangement]")
{
    test::TempFolder dir;
    auto a = AIArrangementEngine().arrange(pack(), {});
    REQUIRE(writeArrangementFile(a, dir / "arrangement.json").ok());
    auto back = readArrangementFile(dir / "arrangement.json");
    REQUIRE(back.ok());
    CHECK(back->tracks.size() == a.tracks.size());
    int files = 0;
    for (auto& e : fs::directory_iterator(dir.path())) { (void)e; ++files; }
    CHECK(files == 1); // no temporary left behind
    test::writeBytes(dir / "bad.json", "{ not json");
    auto bad = readArrangementFile(dir / "bad.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("bad.json") != std::string::npos);
}
