// Never lose work: the real LoopMindStudio, asked to end by SIGTERM (a logout or shutdown), writes its recovery copy
// and exits with 0 within 2 s; the copy is a project that opens again.
#include "App/ProjectFile.h"
#include "GuiStudioFixture.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
/** Runs a shell script (the real app started and signalled from it) and returns what it printed. */
juce::String runInShell(const std::string& script)
{
    juce::ChildProcess shell;
    REQUIRE(shell.start(juce::StringArray { "sh", "-c", juce::String(script) }));
    const auto output = shell.readAllProcessOutput();
    REQUIRE(shell.waitForProcessToFinish(60000));
    return output;
}
} // namespace

TEST_CASE("LoopMindStudio on SIGTERM writes its recovery copy and exits 0 within 2 s", "[gui][e2e][recovery]")
{
    const auto settings = freshTempFolder("recovery-settings");
    // The app starts, scans the demo loops, then is asked to end; the shell times the end.
    const std::string script = "export LOOPMIND_SETTINGS_DIR='" + settings.string() + "'; '" LOOPMIND_BIN_DIR "/LoopMindStudio' '"
                               + demoLoops().string() + "' --no-audio & pid=$!; sleep 6; t0=$(date +%s%N); kill -TERM $pid; "
                               "wait $pid; code=$?; t1=$(date +%s%N); echo \"exit=$code ms=$(( (t1 - t0) / 1000000 ))\"";
    const auto output = runInShell(script);
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

TEST_CASE("after kill -9 the next start restores the autosaved work", "[gui][e2e][recovery]")
{
    const auto settings = freshTempFolder("kill-settings");
    // Autosave every second; the app scans the demo loops (an unsaved change), autosaves, and is killed outright.
    const std::string script = "export LOOPMIND_SETTINGS_DIR='" + settings.string() + "' LOOPMIND_AUTOSAVE_SECONDS=1; '" LOOPMIND_BIN_DIR
                               "/LoopMindStudio' '" + demoLoops().string() + "' --no-audio & pid=$!; sleep 8; kill -KILL $pid; "
                               "wait $pid; echo \"exit=$?\"";
    const auto output = runInShell(script);
    INFO(output);
    CHECK(output.contains("exit=137")); // killed: nothing of its own ran at the end
    REQUIRE(fs::exists(settings / "recovery.loopmind"));
    for (const auto& e : fs::directory_iterator(settings)) // an autosave cut short leaves no temporary file
        CHECK(e.path().filename().string().find(".tmp") == std::string::npos);

    // The next start (the same settings) finds the copy; its Restore opens it as unsaved work.
    MainComponent::Options o;
    o.openAudioDevice = false;
    o.settingsFolder = juce::File(settings.string());
    MainComponent next(o);
    REQUIRE(next.restoreRecovery());
    REQUIRE(pumpUntil([&] { return !next.isScanning(); }, 180));
    REQUIRE(next.document().folders.size() == 1);
    CHECK(next.document().folders[0] == demoLoops());
    CHECK_FALSE(next.document().loops.empty());
    CHECK(next.document().dirty);
    CHECK(next.document().projectFile == juce::File());
    CHECK(fs::exists(settings / "recovery.loopmind")); // kept until the work is saved
}
