#include "App/ProjectFile.h"
#include "App/StudioCommands.h"
#include "Arrangement/ArrangementFile.h"
#include "GuiStudioFixture.h"
#include "Support/SmallDisk.h"
#include "Library/DecodedAudio.h"
#include "UI/Theme.h"
#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

TEST_CASE("render panel during and after a render", "[gui][render]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(1));
    const auto out = freshTempFolder("render");
    RenderSettings s;
    s.folder = out;
    s.stems = true;
    s.bitDepth = 16;
    s.loudnessPreset = "broadcast";
    studio->setRenderSettings(s);
    auto& panel = studio->renderPanel();
    CHECK(panel.loudnessPresetEnabled());
    CHECK(panel.loudnessPresetShown() == "broadcast");
    CHECK(panel.settings().loudnessPreset == "broadcast");

    REQUIRE(studio->commandManager().invokeDirectly(commands::render, false));
    REQUIRE(studio->isRendering());
    CHECK(panel.isRunning());
    pumpFor(0.1); // let the timer put progress on the bar
    const auto during = snapshot(panel, "render-running");
    CHECK(countDifferent(during, during.getBounds(), theme::panel) > 2000);

    REQUIRE(pumpUntil([&] { return !studio->isRendering() && !panel.isRunning(); }, 240));
    const auto after = snapshot(panel, "render-done");
    INFO(panel.resultText());
    CHECK(panel.resultText().startsWith("Done: mix.wav"));
    CHECK(fs::file_size(out / "mix.wav") > 1000);
    CHECK(fs::exists(out / "arrangement.json"));
    CHECK(fs::exists(out / "render-report.json"));
    CHECK(fs::exists(out / "stems"));
    // The result text is drawn: many light pixels where the summary sits.
    CHECK(countNear(after, panel.resultArea(), theme::text, 60) > 200);
    // The preset reached the core: the mix is mastered to EBU R128, and the panel shows what the report measured.
    std::ifstream reportFile(out / "render-report.json");
    const auto report = nlohmann::json::parse(reportFile);
    CHECK(report["mastered"] == true);
    REQUIRE(report["targets"].size() == 1);
    const auto& target = report["targets"][0];
    CHECK(target["name"] == "broadcast");
    const double lufs = target["measured"]["integratedLufs"].get<double>();
    CHECK(std::abs(lufs + 23.0) <= 0.5);
    CHECK(target["measured"]["truePeakDbtp"].get<double>() <= -1.0);
    const auto shown = panel.resultText().fromFirstOccurrenceOf("broadcast: ", false, false);
    CHECK(shown.containsIgnoreCase("LUFS"));
    CHECK(std::abs(shown.getDoubleValue() - lufs) <= 0.051);
    CHECK(panel.resultText().contains("dBTP"));
    // What was rendered is what is on screen.
    auto written = readArrangementFile(out / "arrangement.json");
    REQUIRE(written);
    CHECK(written->tracks.size() == studio->document().song().arrangement->tracks.size());
}

namespace {
/** Frames of a written audio file, or -1 when it does not decode. */
std::int64_t framesIn(const fs::path& file)
{
    auto decoded = decodeAudioFile(file);
    return decoded ? std::int64_t(decoded->audio.getNumSamples()) : -1;
}

RenderSettings renderTo(const fs::path& folder, bool mix, bool stems)
{
    RenderSettings s;
    s.folder = folder;
    s.mix = mix;
    s.stems = stems;
    s.bitDepth = 16;
    return s;
}
} // namespace

TEST_CASE("stems only: one file per feed of the master (track, group, return), no mix left behind, stem loudness shown", "[gui][render]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(2));
    const auto& song = *studio->document().song().arrangement;
    const auto out = freshTempFolder("render-stems-only");
    studio->setRenderSettings(renderTo(out, false, true));
    auto& panel = studio->renderPanel();
    CHECK_FALSE(panel.loudnessPresetEnabled()); // stems are not mastered
    CHECK_FALSE(panel.settings().mix);
    CHECK(panel.settings().stems);
    REQUIRE(studio->startRender().empty());
    REQUIRE(pumpUntil([&] { return !studio->isRendering() && !panel.isRunning(); }, 240));
    snapshot(panel, "render-stems-only");
    INFO(panel.resultText());
    // Tracks routed to a group reach the master through it: the group's stem holds them.
    const auto expectedStems = song.mixer.groups.size() + song.mixer.returns.size()
                             + size_t(std::count_if(song.tracks.begin(), song.tracks.end(), [](const auto& t) { return t.strip.output.empty(); }));
    CHECK(panel.resultText().startsWith("Done: " + juce::String(int(expectedStems)) + " stems (no mix)"));
    CHECK(panel.resultText().contains("LUFS"));

    CHECK_FALSE(fs::exists(out / "mix.wav"));
    CHECK_FALSE(fs::exists(RenderTask::scratchFolder(renderTo(out, false, true))));
    std::vector<fs::path> stems;
    for (const auto& e : fs::directory_iterator(out / "stems"))
        stems.push_back(e.path());
    REQUIRE(stems.size() == expectedStems);
    const auto expectedFrames = std::int64_t(std::llround(song.totalBars() * song.beatsPerBar * 60.0 / song.bpm * 44100.0));
    for (const auto& stem : stems) {
        INFO(stem);
        CHECK(framesIn(stem) == Approx(double(expectedFrames)).margin(2));
    }
    std::ifstream reportFile(out / "render-report.json");
    const auto report = nlohmann::json::parse(reportFile);
    CHECK(report["mix"].is_null());
    CHECK(report["mixWritten"] == false);
    CHECK(report["stems"].size() == stems.size());
}

TEST_CASE("mix only writes no stems, neither mix nor stems is refused", "[gui][render]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(2));
    const auto out = freshTempFolder("render-mix-only");
    studio->setRenderSettings(renderTo(out, true, false));
    REQUIRE(studio->startRender().empty());
    REQUIRE(pumpUntil([&] { return !studio->isRendering() && !studio->renderPanel().isRunning(); }, 240));
    CHECK(framesIn(out / "mix.wav") > 44100);
    CHECK_FALSE(fs::exists(out / "stems"));

    RenderTask task(*studio); // the panel cannot ask for neither; the task refuses it anyway
    CHECK(task.start(*studio->document().song().arrangement, renderTo(out, false, false), [](RenderOutcome) {}) == "choose the mix, the stems or both");
}

TEST_CASE("a cancelled render leaves no mix and reports it", "[gui][render]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(1));
    const auto out = freshTempFolder("render-cancel");
    RenderSettings s;
    s.folder = out;
    studio->setRenderSettings(s);
    REQUIRE(studio->startRender().empty());
    studio->commandManager().invokeDirectly(commands::cancelJobs, false);
    REQUIRE(pumpUntil([&] { return !studio->renderPanel().isRunning(); }, 120));
    snapshot(studio->renderPanel(), "render-cancelled");
    CHECK(studio->renderPanel().resultText().startsWith("Render cancelled"));
    CHECK_FALSE(fs::exists(out / "mix.wav"));
}

TEST_CASE("without a destination the render panel says why", "[gui][render]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(1));
    CHECK_FALSE(studio->startRender().empty());
    CHECK(studio->renderPanel().resultText().startsWith("Cannot render"));
}

TEST_CASE("a project saves and opens again with the same song", "[gui][project]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(5));
    studio->arrangementView().onSolo(1, true);
    const auto file = juce::File((freshTempFolder("project") / "song.loopmind").string());
    REQUIRE(studio->saveProjectFile(file));
    CHECK_FALSE(studio->document().dirty);

    auto reopened = makeStudio(false);
    REQUIRE(reopened->openProjectFile(file));
    REQUIRE(pumpUntil([&] { return !reopened->isScanning(); }, 180));
    CHECK_FALSE(reopened->document().dirty); // its folders are rescanned: no change
    const auto& song = reopened->document().song();
    REQUIRE(song.arrangement);
    CHECK(arrangementToText(*song.arrangement) == arrangementToText(*studio->document().song().arrangement));
    CHECK(song.lanes[1].solo);
    CHECK(song.seed == 5);
    CHECK(reopened->libraryPanel().table().numRows() == studio->libraryPanel().table().numRows());
    CHECK(reopened->arrangementView().numLanes() == int(song.arrangement->tracks.size()));
}

TEST_CASE("a render onto a full disk says so in the panel, leaves the previous mix, and the next render works", "[gui][render][disk]")
{
    SmallDisk disk(1 << 20); // arrangement.json fits; the mix and stems do not
    if (!disk.mounted()) {
        WARN("a tmpfs cannot be mounted here (not root?): the full-disk test did not run");
        return;
    }
    auto studio = makeStudio();
    REQUIRE(studio->generate(1));
    std::ofstream(disk.path() / "mix.wav") << "the previous mix";
    RenderSettings s;
    s.folder = disk.path();
    s.stems = true;
    studio->setRenderSettings(s);
    REQUIRE(studio->startRender().empty());
    REQUIRE(pumpUntil([&] { return !studio->isRendering() && !studio->renderPanel().isRunning(); }, 240));
    const auto shown = studio->renderPanel().resultText();
    INFO(shown);
    CHECK(shown.startsWith("Render failed"));
    CHECK(shown.contains(disk.path().string()));
    CHECK(shown.containsIgnoreCase("disk is full"));
    std::ifstream previous(disk.path() / "mix.wav");
    CHECK(std::string(std::istreambuf_iterator<char>(previous), {}) == "the previous mix");
    CHECK(disk.temporaryFiles() == 0);

    const auto out = freshTempFolder("render-after-full-disk"); // the app goes on: the same song renders elsewhere
    s.folder = out;
    studio->setRenderSettings(s);
    REQUIRE(studio->startRender().empty());
    REQUIRE(pumpUntil([&] { return !studio->isRendering() && !studio->renderPanel().isRunning(); }, 240));
    CHECK(studio->renderPanel().resultText().startsWith("Done: mix.wav"));
}
