// Never lose work: the real LoopMindStudio, asked to end by SIGTERM (a logout or shutdown), writes its recovery copy
// and exits with 0 within 2 s; the copy is a project that opens again.
#include "App/ProjectFile.h"
#include "GuiStudioFixture.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

TEST_CASE("LoopMindStudio on SIGTERM writes its recovery copy and exits 0 within 2 s", "[gui][e2e][recovery]")
{
    const auto settings = freshTempFolder("recovery-settings");
    // The app starts, scans the demo loops, then is asked to end; the shell times the end.
    const std::string script = "export LOOPMIND_SETTINGS_DIR='" + settings.string() + "'; '" LOOPMIND_BIN_DIR "/LoopMindStudio' '"
                               + demoLoops().string() + "' --no-audio & pid=$!; sleep 6; t0=$(date +%s%N); kill -TERM $pid; "
                               "wait $pid; code=$?; t1=$(date +%s%N); echo \"exit=$code ms=$(( (t1 - t0) / 1000000 ))\"";
    juce::ChildProcess shell;
    REQUIRE(shell.start(juce::StringArray { "sh", "-c", juce::String(script) }));
    const auto output = shell.readAllProcessOutput();
    REQUIRE(shell.waitForProcessToFinish(60000));
    INFO(output);
    CHECK(output.contains("exit=0 "));
    const int ms = output.fromFirstOccurrenceOf("ms=", false, false).getIntValue();
    CHECK(ms < 2000);
    const auto recovery = settings / "recovery.loopmind";
    REQUIRE(fs::exists(recovery));
    const auto project = loadProject(recovery);
    REQUIRE(project);
    REQUIRE(project->folders.size() == 1);
    CHECK(project->folders[0] == demoLoops());
}

TEST_CASE("the session log records problems with the files involved", "[gui][recovery]")
{
    auto studio = makeStudio(false);
    const auto folder = freshTempFolder("log-library");
    REQUIRE(juce::File((folder / "broken.wav").string()).replaceWithText("RIFF nonsense"));
    studio->addInputs({ folder });
    REQUIRE(pumpUntil([&] { return !studio->isScanning(); }, 60));
    const auto log = studio->sessionLog().file().loadFileAsString();
    INFO(log);
    CHECK(log.contains("[library]"));
    CHECK(log.contains("broken.wav"));
}
