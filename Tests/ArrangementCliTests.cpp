// `loopmind arrange --style/--energy/--explain` on the demo house pack, through the real binary.
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace loopmind::test;

namespace {
const std::string binary = std::string(LOOPMIND_BIN_DIR) + "/loopmind";
const auto housePack = quoted(std::filesystem::path(LOOPMIND_DEMO_LOOPS_DIR) / "House 124 A minor");
} // namespace

TEST_CASE("cli: arrange --explain prints the pack report, --style and --energy shape the song", "[cli][arrangement]")
{
    TempFolder dir;
    auto r = runCommand(binary + " arrange " + housePack + " --no-cache --explain --seed 2 --out " + quoted(dir / "a.json"));
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("tempo: 124 BPM") != std::string::npos);
    CHECK(r.out.find("key: A minor") != std::string::npos);
    CHECK(r.out.find("key clusters") != std::string::npos);
    CHECK(r.out.find("left out:") != std::string::npos);
    auto a = nlohmann::json::parse(readBytes(dir / "a.json"));
    CHECK(a["schemaVersion"] == 3);
    CHECK(a["style"] == "house");

    r = runCommand(binary + " arrange " + housePack + " --no-cache --style techno --energy 0.2,1,0.4 --out " + quoted(dir / "t.json"));
    REQUIRE(r.exitCode == 0);
    auto t = nlohmann::json::parse(readBytes(dir / "t.json"));
    CHECK(t["style"] == "techno");
    CHECK(t["sections"][0]["energy"] == 0.2);
    CHECK(t["sections"][1]["energy"] == 1.0);
    CHECK(t["sections"].back()["energy"] == 0.4);

    r = runCommand(binary + " arrange " + housePack + " --no-cache --style polka --out " + quoted(dir / "p.json"));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("unknown style 'polka'") != std::string::npos);
    r = runCommand(binary + " arrange " + housePack + " --no-cache --energy 0.2,loud --out " + quoted(dir / "p.json"));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--energy") != std::string::npos);
}

TEST_CASE("cli: arrange --check, --remix and --scorer", "[cli][arrangement][checker]")
{
    TempFolder dir;
    auto r = runCommand(binary + " arrange " + housePack + " --no-cache --seed 3 --out " + quoted(dir / "a.json"));
    REQUIRE(r.exitCode == 0);

    // The checker passes the song (render included) and fails one whose intro plays everything.
    r = runCommand(binary + " arrange --check " + quoted(dir / "a.json"));
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("PASS energy-arc") != std::string::npos);
    CHECK(r.out.find("PASS drop-over-break") != std::string::npos);
    CHECK(r.out.find("PASS energy-correlation") != std::string::npos);
    auto song = nlohmann::json::parse(readBytes(dir / "a.json"));
    for (auto& t : song["tracks"])
        t["clips"].push_back({ { "startBar", 0 }, { "bars", song["sections"][0]["bars"] } });
    writeBytes(dir / "loud-intro.json", song.dump(2));
    r = runCommand(binary + " arrange --check " + quoted(dir / "loud-intro.json") + " --no-render");
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("FAIL energy-arc") != std::string::npos);

    // Remix: distance 0 is the same bytes; 0.3 keeps tempo, key and length and records the distance.
    r = runCommand(binary + " arrange --remix " + quoted(dir / "a.json") + " --distance 0 --out " + quoted(dir / "same.json"));
    REQUIRE(r.exitCode == 0);
    CHECK(readBytes(dir / "same.json") == readBytes(dir / "a.json"));
    r = runCommand(binary + " arrange --remix " + quoted(dir / "a.json") + " --distance 0.3 --seed 5 --out " + quoted(dir / "r.json"));
    REQUIRE(r.exitCode == 0);
    auto remix = nlohmann::json::parse(readBytes(dir / "r.json"));
    CHECK(remix["bpm"] == song["bpm"]);
    CHECK(remix["key"] == song["key"]);
    CHECK(remix["totalBars"] == song["totalBars"]);
    CHECK(std::abs(remix["remix"]["measured"].get<double>() - 0.3) <= 0.05);

    // A learned scorer from a weights file: its SHA-256 is recorded; a bad file is refused naming the field.
    writeBytes(dir / "w.json", R"({ "format": "loopmind-linear-scorer", "version": 1, "bias": 0.5, "weights": { "stretch": -2 } })");
    r = runCommand(binary + " arrange " + housePack + " --no-cache --scorer " + quoted(dir / "w.json") + " --out " + quoted(dir / "s.json"));
    REQUIRE(r.exitCode == 0);
    auto scored = nlohmann::json::parse(readBytes(dir / "s.json"));
    CHECK(scored["scorer"]["name"] == "w.json");
    CHECK(scored["scorer"]["sha256"].get<std::string>().size() == 64);
    writeBytes(dir / "bad.json", R"({ "format": "loopmind-linear-scorer", "version": 1, "bias": 0, "weights": { "tempo": 1 } })");
    r = runCommand(binary + " arrange " + housePack + " --no-cache --scorer " + quoted(dir / "bad.json") + " --out " + quoted(dir / "s.json"));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("scorer.weights.tempo") != std::string::npos);
}
