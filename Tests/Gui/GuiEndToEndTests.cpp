// Launches the real LoopMindStudio binary (under the same Xvfb display) and lets it drive its own
// commands: scan the demo loops, Generate, Render; then checks the files it wrote.
#include "GuiSupport.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <fstream>

using namespace loopmind::test;
namespace fs = std::filesystem;

TEST_CASE("LoopMindStudio --demo-render generates and renders through its commands, then quits with 0", "[gui][e2e]")
{
    const auto out = freshTempFolder("e2e");
    const auto shot = out / "window.png";
    juce::ChildProcess app;
    REQUIRE(app.start(juce::StringArray { LOOPMIND_BIN_DIR "/LoopMindStudio", juce::String(demoLoops().string()), "--demo-render",
                                          juce::String(out.string()), "--screenshot", juce::String(shot.string()), "--no-audio" }));
    const auto output = app.readAllProcessOutput();
    REQUIRE(app.waitForProcessToFinish(240000));
    INFO(output);
    CHECK(app.getExitCode() == 0);
    CHECK(output.contains("demo: wrote"));
    CHECK(!output.containsIgnoreCase("leak"));
    CHECK(fs::file_size(out / "mix.wav") > 100000);
    CHECK(fs::exists(out / "arrangement.json"));
    int stems = 0;
    for (const auto& e : fs::directory_iterator(out / "stems"))
        stems += e.path().extension() == ".wav";
    CHECK(stems >= 3);
    std::ifstream reportFile(out / "render-report.json");
    const auto report = nlohmann::json::parse(reportFile);
    CHECK(report["ok"] == true);
    CHECK(report["stems"].size() == size_t(stems));
    CHECK(fs::file_size(shot) > 10000);
}

TEST_CASE("LoopMindStudio without a display says so and exits 2", "[gui][e2e]")
{
    juce::ChildProcess app;
    REQUIRE(app.start(juce::StringArray { "env", "-u", "DISPLAY", LOOPMIND_BIN_DIR "/LoopMindStudio" }));
    const auto output = app.readAllProcessOutput();
    REQUIRE(app.waitForProcessToFinish(30000));
    CHECK(app.getExitCode() == 2);
    CHECK(output.contains("needs a display"));
}
