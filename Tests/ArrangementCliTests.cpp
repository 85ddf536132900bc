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
    CHECK(a["schemaVersion"] == 2);
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
