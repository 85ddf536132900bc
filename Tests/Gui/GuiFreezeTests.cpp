// Stem freeze from the app: the freeze command renders the selected lane on its own thread, the engine swaps it in
// and the song records it as one undo step; undo and redo play it live and frozen again; an edit of the track
// while it freezes cancels it; a saved project reopens frozen from its freeze file.
#include "App/StudioCommands.h"
#include "GuiStudioFixture.h"

using namespace loopmind;
using namespace loopmind::test;

namespace {
bool songFrozen(MainComponent& studio, int lane) { return studio.document().song().arrangement->tracks[size_t(lane)].frozen; }

int freezeFiles(const std::filesystem::path& folder)
{
    std::error_code ec;
    int count = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
        count += e.path().extension() == ".wav" ? 1 : 0;
    return count;
}
} // namespace

TEST_CASE("freezing a lane swaps it in live, undoes, redoes and reopens frozen", "[gui][freeze]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(5));
    waitForSession(*studio);
    const StripRef track0 { StripRef::Kind::track, 0 };
    studio->setInsert(track0, int(studio->document().song().arrangement->tracks[0].strip.inserts.size()), "delay");
    REQUIRE(pumpUntil([&] { auto* s = studio->engine().strip(track0); return s && !s->inserts.empty(); }, 30));
    const auto file = juce::File((freshTempFolder("freeze-project") / "song.loopmind").string());
    REQUIRE(studio->saveProjectFile(file)); // freezes then go beside the project
    const auto folder = studio->freezeFolders().front();
    CHECK(folder == std::filesystem::path(file.getParentDirectory().getFullPathName().toStdString()) / "Frozen");

    auto& view = studio->arrangementView();
    view.selectLane(0);
    REQUIRE(studio->commandManager().invokeDirectly(commands::freezeTrack, false));
    CHECK(studio->isFreezing());
    REQUIRE(pumpUntil([&] { return !studio->isFreezing(); }, 120));
    CHECK(songFrozen(*studio, 0));
    CHECK(studio->engine().isTrackFrozen(0));
    CHECK(freezeFiles(folder) == 1);
    CHECK(studio->document().undoManager().getUndoDescription().startsWith("Freeze"));
    snapshot(view, "arrangement-frozen-lane");

    // Undo plays it live again (a session rebuild); redo freezes it again from its file, rendering nothing new.
    studio->document().undoManager().undo();
    CHECK_FALSE(songFrozen(*studio, 0));
    REQUIRE(pumpUntil([&] { return !studio->engine().isTrackFrozen(0); }, 60));
    studio->document().undoManager().redo();
    REQUIRE(pumpUntil([&] { return studio->engine().isTrackFrozen(0); }, 60));
    CHECK(freezeFiles(folder) == 1);

    // An edit of a track while it freezes cancels that freeze: nothing is swapped in.
    view.selectLane(1);
    REQUIRE(studio->commandManager().invokeDirectly(commands::freezeTrack, false));
    REQUIRE(studio->isFreezing());
    studio->editStrip({ StripRef::Kind::track, 1 }, "Volume", false, [](ChannelStrip& s) { s.volumeDb -= 3.0; });
    REQUIRE(pumpUntil([&] { return !studio->isFreezing(); }, 120));
    CHECK_FALSE(songFrozen(*studio, 1));
    CHECK_FALSE(studio->engine().isTrackFrozen(1));

    // Saved and reopened: the lane is frozen and plays the file that is there.
    REQUIRE(studio->saveProjectFile(file));
    auto reopened = makeStudio(false);
    REQUIRE(reopened->openProjectFile(file));
    REQUIRE(pumpUntil([&] { return !reopened->isScanning(); }, 180));
    CHECK(songFrozen(*reopened, 0));
    REQUIRE(pumpUntil([&] { return reopened->engine().isTrackFrozen(0); }, 120));
    CHECK(freezeFiles(folder) == 1);

    // Unfreeze from the command: one undo step, the engine plays it live.
    reopened->arrangementView().selectLane(0);
    REQUIRE(reopened->commandManager().invokeDirectly(commands::freezeTrack, false));
    CHECK_FALSE(songFrozen(*reopened, 0));
    REQUIRE(pumpUntil([&] { return !reopened->engine().isTrackFrozen(0); }, 60));
}
