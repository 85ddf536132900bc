#include "Document/SongEdits.h"
#include "App/StudioCommands.h"
#include "Arrangement/ArrangementFile.h"
#include "GuiStudioFixture.h"
#include "UI/Theme.h"

using namespace loopmind;
using namespace loopmind::test;

namespace {
std::vector<std::pair<int, int>> clipList(const ArrangementTrack& t)
{
    std::vector<std::pair<int, int>> v;
    for (const auto& c : t.clips)
        v.emplace_back(c.startBar, c.bars);
    return v;
}
} // namespace

TEST_CASE("arrangement view after Generate shows a lane per track with clips drawn", "[gui][arrangement]")
{
    auto studio = makeStudio();
    auto& view = studio->arrangementView();
    CHECK(view.numLanes() == 0);
    view.setSeedField(7);
    REQUIRE(studio->commandManager().invokeDirectly(commands::generate, false));
    const auto& song = studio->document().song();
    REQUIRE(song.arrangement);
    CHECK(song.seed == 7);
    const auto& a = *song.arrangement;
    REQUIRE(!a.tracks.empty());
    REQUIRE(view.numLanes() == int(a.tracks.size()));

    const auto image = snapshot(view, "arrangement-generated");
    for (int lane = 0; lane < view.numLanes(); ++lane) {
        INFO("lane " << lane << " " << a.tracks[size_t(lane)].name);
        const auto area = view.laneArea(lane);
        REQUIRE(!area.isEmpty());
        // Clips are drawn in the role colour (outline, fill and waveform); count pixels close to it.
        const int coloured = countNear(image, area, theme::roleColour(a.tracks[size_t(lane)].role), 60);
        int clipBars = 0;
        for (const auto& c : a.tracks[size_t(lane)].clips)
            clipBars += c.bars;
        CHECK(clipBars > 0);
        CHECK(coloured > clipBars * 20);
    }
    // The ruler shows the sections, not a blank strip.
    const auto ruler = view.canvas().getBounds().withHeight(ArrangementCanvas::rulerHeight);
    CHECK(countDifferent(image, ruler, theme::panel) > 500);
}

TEST_CASE("generate is deterministic, variation changes the seed, edits undo and redo", "[gui][arrangement]")
{
    auto studio = makeStudio();
    auto& doc = studio->document();
    REQUIRE(studio->generate(3));
    const auto first = arrangementToText(*doc.song().arrangement);
    REQUIRE(studio->generate(3));
    CHECK(arrangementToText(*doc.song().arrangement) == first);

    studio->commandManager().invokeDirectly(commands::variation, false);
    CHECK(doc.song().seed != 3);
    CHECK(studio->arrangementView().seedFieldValue() == doc.song().seed);
    studio->commandManager().invokeDirectly(commands::undo, false);
    CHECK(doc.song().seed == 3);
    CHECK(arrangementToText(*doc.song().arrangement) == first);

    // Mute a lane through the lane header's callback, then undo and redo it.
    studio->arrangementView().onMute(0, true);
    CHECK(doc.song().lanes[0].mute);
    const auto muted = snapshot(studio->arrangementView(), "arrangement-muted");
    const auto lane0 = studio->arrangementView().laneArea(0);
    CHECK(countNear(muted, lane0, theme::roleColour(doc.song().arrangement->tracks[0].role), 30) < 50); // drawn grey
    doc.undoManager().undo();
    CHECK_FALSE(doc.song().lanes[0].mute);
    doc.undoManager().redo();
    CHECK(doc.song().lanes[0].mute);

    // Remove a clip from the first section, then undo.
    auto& canvas = studio->arrangementView().canvas();
    const auto clipsBefore = clipList(doc.song().arrangement->tracks[0]);
    int lane = 0;
    canvas.onToggleClip(lane, 0);
    CHECK(clipList(doc.song().arrangement->tracks[0]) != clipsBefore);
    doc.undoManager().undo();
    CHECK(clipList(doc.song().arrangement->tracks[0]) == clipsBefore);
}

TEST_CASE("zoom and scroll change what the canvas shows", "[gui][arrangement]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(1));
    auto& view = studio->arrangementView();
    const float fitEnd = view.canvas().xAtBar(double(studio->document().song().arrangement->totalBars()));
    view.zoom(4.0);
    CHECK(view.canvas().xAtBar(double(studio->document().song().arrangement->totalBars())) > fitEnd * 2);
    snapshot(view, "arrangement-zoomed");
    view.zoomToFit();
    CHECK(std::abs(view.canvas().xAtBar(double(studio->document().song().arrangement->totalBars())) - fitEnd) < 2.0f);
}
