// The loopmind binary end to end: exit codes, JSON shape, files on disk.
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
const std::string loopmindBinary = std::string(LOOPMIND_BIN_DIR) + "/loopmind";

void makePack(const TempFolder& dir)
{
    fs::create_directories(dir / "pack");
    writeAudioFile(dir / "pack/drums kick 120.wav", makeBeatSignal(44100, 2, 4.0, 120, 0.6f), 44100, 24);
    writeAudioFile(dir / "pack/bass 120.wav", makeBeatSignal(44100, 1, 4.0, 60, 0.5f), 44100, 16);
    writeAudioFile(dir / "pack/chords pad ☆.wav", makeBeatSignal(48000, 2, 8.0, 120, 0.3f), 48000, 24);
    writeBytes(dir / "pack/broken.wav", "RIFF nonsense");
}
} // namespace

TEST_CASE("cli: usage errors exit 2", "[cli]")
{
    CHECK(runCommand(loopmindBinary).exitCode == 2);
    CHECK(runCommand(loopmindBinary + " frobnicate").exitCode == 2);
    CHECK(runCommand(loopmindBinary + " analyse").exitCode == 2);
    CHECK(runCommand(loopmindBinary + " render /tmp --bit-depth 12 --out /tmp/x.wav").exitCode == 2);
    CHECK(runCommand(loopmindBinary + " render /tmp --format flac --bit-depth 32f --out /tmp/x.flac").exitCode == 2);
    CHECK(runCommand(loopmindBinary + " --help").exitCode == 0);
}

TEST_CASE("cli: analyse --json prints one object per file, bad files included, exit 1", "[cli]")
{
    TempFolder dir;
    makePack(dir);
    auto r = runCommand(loopmindBinary + " analyse --json " + quoted(dir / "pack"));
    CHECK(r.exitCode == 1);
    auto j = nlohmann::json::parse(r.out); // nothing but JSON on stdout
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 4);
    int bad = 0;
    for (const auto& o : j) {
        for (const char* field : { "path", "ok", "error", "durationSeconds", "sampleRate", "channels", "bpm", "bpmConfidence", "key",
                                   "keyConfidence", "role", "lufs", "truePeakDb", "lra" })
            CHECK(o.contains(field));
        if (!o["ok"].get<bool>()) {
            ++bad;
            CHECK(o["error"].get<std::string>().find("broken.wav") != std::string::npos);
        } else {
            CHECK(o["error"].is_null());
            CHECK(o["lufs"].is_number());
        }
    }
    CHECK(bad == 1);
    CHECK(r.out.find("chords pad ☆.wav") != std::string::npos); // Unicode path verbatim
    CHECK(r.err.find("broken.wav") != std::string::npos);
}

TEST_CASE("cli: analyse of good files only exits 0", "[cli]")
{
    TempFolder dir;
    makePack(dir);
    fs::remove(dir / "pack/broken.wav");
    CHECK(runCommand(loopmindBinary + " analyse " + quoted(dir / "pack")).exitCode == 0);
}

TEST_CASE("cli: arrange then render --arrangement gives the same files as render PATH", "[cli]")
{
    TempFolder dir;
    makePack(dir);
    fs::remove(dir / "pack/broken.wav");
    const auto pack = quoted(dir / "pack");
    auto arranged = runCommand(loopmindBinary + " arrange " + pack + " --seed 3 --bars 16 --out " + quoted(dir / "song.json"));
    REQUIRE(arranged.exitCode == 0);
    auto song = nlohmann::json::parse(readBytes(dir / "song.json"));
    CHECK(song["schemaVersion"] == 3);
    CHECK(song["totalBars"] == 16);
    CHECK(song["seed"] == 3);

    auto direct = runCommand(loopmindBinary + " render " + pack + " --seed 3 --bars 16 --out " + quoted(dir / "a/mix.wav") + " --stems "
                             + quoted(dir / "a/stems"));
    REQUIRE(direct.exitCode == 0);
    CHECK(readBytes(dir / "a/arrangement.json") == readBytes(dir / "song.json"));
    auto viaFile = runCommand(loopmindBinary + " render --arrangement " + quoted(dir / "song.json") + " --out " + quoted(dir / "b/mix.wav"));
    REQUIRE(viaFile.exitCode == 0);
    CHECK(readBytes(dir / "a/mix.wav") == readBytes(dir / "b/mix.wav"));
    CHECK(direct.out.find("stem: ") != std::string::npos);
    CHECK(direct.out.find("streaming: ") != std::string::npos); // mastered by default, to the streaming target
    CHECK(direct.out.find("render-report.json") != std::string::npos);
}

TEST_CASE("cli: a broken arrangement.json is refused naming the field", "[cli]")
{
    TempFolder dir;
    writeBytes(dir / "song.json", R"({"schemaVersion":1,"seed":1,"bpm":-5})");
    auto r = runCommand(loopmindBinary + " render --arrangement " + quoted(dir / "song.json") + " --out " + quoted(dir / "mix.wav"));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("arrangement.bpm") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "mix.wav"));
}

TEST_CASE("cli: mix writes the plain sum of stems in the format asked for", "[cli]")
{
    TempFolder dir;
    makePack(dir);
    auto r = runCommand(loopmindBinary + " mix " + quoted(dir / "pack/drums kick 120.wav") + " " + quoted(dir / "pack/bass 120.wav") + " "
                        + quoted(dir / "pack/broken.wav") + " --format flac --bit-depth 16 --out " + quoted(dir / "out/mix.flac"));
    CHECK(r.exitCode == 1); // the broken stem is reported, the rest is mixed
    double rate = 0;
    auto mix = readAudioFile(dir / "out/mix.flac", &rate);
    CHECK(rate == 44100);
    CHECK(mix.getNumSamples() == 4 * 44100);
}

TEST_CASE("cli: SIGINT cancels a render cleanly and keeps the previous file", "[cli]")
{
    TempFolder dir;
    makePack(dir);
    fs::remove(dir / "pack/broken.wav");
    writeBytes(dir / "mix.wav", "old");
    auto r = runCommand("timeout --preserve-status -s INT 1.5 " + loopmindBinary + " render " + quoted(dir / "pack") + " --bars 4000 --out " + quoted(dir / "mix.wav"));
    CHECK(r.exitCode == 2);
    CHECK(readBytes(dir / "mix.wav") == "old");
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("cli: a frozen track in arrangement.json renders from its freeze file, the same mix", "[cli][freeze]")
{
    TempFolder dir;
    makePack(dir);
    fs::remove(dir / "pack/broken.wav");
    REQUIRE(runCommand(loopmindBinary + " arrange " + quoted(dir / "pack") + " --seed 3 --bars 16 --out " + quoted(dir / "song.json")).exitCode == 0);
    auto song = nlohmann::json::parse(readBytes(dir / "song.json"));
    song["tracks"][0]["frozen"] = true;
    writeBytes(dir / "frozen.json", song.dump(2));
    const std::string options = " --bit-depth 32f --no-master";
    REQUIRE(runCommand(loopmindBinary + " render --arrangement " + quoted(dir / "song.json") + " --out " + quoted(dir / "live/mix.wav") + options).exitCode == 0);
    REQUIRE(runCommand(loopmindBinary + " render --arrangement " + quoted(dir / "frozen.json") + " --out " + quoted(dir / "frozen/mix.wav") + options).exitCode == 0);
    CHECK(readBytes(dir / "live/mix.wav") == readBytes(dir / "frozen/mix.wav"));
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir / "frozen/Frozen"))
        files.push_back(e.path());
    REQUIRE(files.size() == 1);
    CHECK(files[0].extension() == ".wav");
    // The arrangement written beside the mix keeps the flag; rendering again reuses the file as it is.
    CHECK(nlohmann::json::parse(readBytes(dir / "frozen/arrangement.json"))["tracks"][0]["frozen"] == true);
    const auto written = fs::last_write_time(files[0]);
    REQUIRE(runCommand(loopmindBinary + " render --arrangement " + quoted(dir / "frozen.json") + " --out " + quoted(dir / "frozen/mix.wav") + options).exitCode == 0);
    CHECK(fs::last_write_time(files[0]) == written);
    CHECK(readBytes(dir / "live/mix.wav") == readBytes(dir / "frozen/mix.wav"));
}

TEST_CASE("cli: a loop gone before the render leaves its track silent, and the report says which", "[cli]")
{
    TempFolder dir;
    makePack(dir);
    fs::remove(dir / "pack/broken.wav");
    REQUIRE(runCommand(loopmindBinary + " arrange " + quoted(dir / "pack") + " --seed 3 --bars 16 --out " + quoted(dir / "song.json")).exitCode == 0);
    const auto song = nlohmann::json::parse(readBytes(dir / "song.json"));
    const std::string gone = song["tracks"][0]["loop"]["path"];
    fs::remove(dir / gone);
    const auto rendered = runCommand(loopmindBinary + " render --arrangement " + quoted(dir / "song.json") + " --out " + quoted(dir / "r/mix.wav") + " --no-master");
    CHECK(rendered.exitCode == 1); // some inputs failed; the rest rendered
    CHECK(fs::exists(dir / "r/mix.wav"));
    const auto report = nlohmann::json::parse(readBytes(dir / "r/render-report.json"));
    REQUIRE(report["problems"].size() == 1);
    const std::string problem = report["problems"][0];
    CHECK(problem.find(song["tracks"][0]["name"].get<std::string>()) != std::string::npos);
    CHECK(problem.find(fs::path(gone).filename().string()) != std::string::npos);
}

TEST_CASE("cli: arranging past the length limit exits 2 with the limit", "[limits][cli]")
{
    TempFolder dir;
    writeAudioFile(dir / "drums 120.wav", makeBeatSignal(44100, 2, 4.0, 120, 0.6f), 44100, 16);
    const auto r = runCommand(loopmindBinary + " arrange " + quoted(dir.path()) + " --no-cache --bars 4096 --bpm 40 --out "
                              + quoted(dir / "a.json"));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("the limit is 4 h 0 min"));
    CHECK_FALSE(fs::exists(dir / "a.json"));
}
