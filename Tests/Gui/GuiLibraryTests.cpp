#include "GuiStudioFixture.h"
#include "App/StudioCommands.h"
#include "UI/Theme.h"
#include <fstream>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("library panel lists the demo loops with analysis and waveforms", "[gui][library]")
{
    auto studio = makeStudio();
    auto& panel = studio->libraryPanel();
    auto& table = panel.table();
    REQUIRE(table.numRows() >= 9);
    for (int r = 0; r < table.numRows(); ++r) {
        INFO(table.loopAt(r)->path);
        CHECK(table.loopAt(r)->ok);
        CHECK(table.loopAt(r)->bpm.has_value());
        CHECK(studio->document().thumbnails.count(table.loopAt(r)->path) == 1);
    }
    CHECK(panel.status().contains("loops ready"));
    CHECK(!panel.isScanning());

    const auto image = snapshot(panel, "library-demo");
    auto& list = table.table();
    const auto tableOrigin = table.getBoundsInParent().getPosition();
    int rowsWithText = 0, rowsWithWaveform = 0;
    for (int r = 0; r < juce::jmin(table.numRows(), 8); ++r) {
        const auto rowArea = list.getRowPosition(r, true).translated(tableOrigin.x, tableOrigin.y + list.getHeaderHeight());
        const auto background = r % 2 ? theme::panelAlt : theme::panel;
        const auto wave = rowArea.withWidth(list.getHeader().getColumnWidth(LibraryTable::wave));
        const auto text = rowArea.withTrimmedLeft(wave.getWidth()).withWidth(400);
        rowsWithWaveform += countDifferent(image, wave, background) > 100;
        rowsWithText += countDifferent(image, text, background, 60) > 60;
    }
    CHECK(rowsWithText == juce::jmin(table.numRows(), 8));
    CHECK(rowsWithWaveform == juce::jmin(table.numRows(), 8));
}

TEST_CASE("library search filters and header sorts", "[gui][library]")
{
    auto studio = makeStudio();
    auto& table = studio->libraryPanel().table();
    const int all = table.numRows();
    studio->libraryPanel().searchBox().setText("bass", true);
    pumpFor(0.1); // the text editor announces changes asynchronously
    REQUIRE(table.numRows() > 0);
    REQUIRE(table.numRows() < all);
    for (int r = 0; r < table.numRows(); ++r) {
        const auto* l = table.loopAt(r);
        CHECK((l->role == std::optional<std::string>("bass") || juce::String(l->path.filename().string()).containsIgnoreCase("bass")));
    }
    snapshot(studio->libraryPanel(), "library-filtered");
    studio->libraryPanel().searchBox().setText({}, true);
    pumpFor(0.1);
    CHECK(table.numRows() == all);

    table.table().getHeader().setSortColumnId(LibraryTable::bpm, true);
    pumpFor(0.1); // the header reports sort changes asynchronously
    for (int r = 1; r < table.numRows(); ++r)
        CHECK(table.loopAt(r - 1)->bpm.value_or(1e9) <= table.loopAt(r)->bpm.value_or(1e9));
    table.table().getHeader().setSortColumnId(LibraryTable::bpm, false);
    pumpFor(0.1);
    for (int r = 1; r < table.numRows(); ++r)
        CHECK(table.loopAt(r - 1)->bpm.value_or(1e9) >= table.loopAt(r)->bpm.value_or(1e9));
}

TEST_CASE("bad files are listed with their reason, not hidden", "[gui][library]")
{
    const auto folder = freshTempFolder("badfiles");
    std::ofstream(folder / "broken.wav") << "this is not a wav file";
    auto studio = makeStudio(false);
    studio->addInputs({ folder, folder / "missing-folder" });
    REQUIRE(pumpUntil([&] { return !studio->isScanning(); }, 60));
    auto& table = studio->libraryPanel().table();
    REQUIRE(table.numRows() == 2);
    for (int r = 0; r < table.numRows(); ++r) {
        CHECK_FALSE(table.loopAt(r)->ok);
        CHECK(LibraryTable::cellText(*table.loopAt(r), LibraryTable::problem).isNotEmpty());
    }
    const auto image = snapshot(studio->libraryPanel(), "library-bad-files");
    CHECK(countNear(image, image.getBounds(), theme::error, 30) > 100); // drawn in the error colour
}

TEST_CASE("a scan can be cancelled and the app stays usable", "[gui][library]")
{
    auto studio = makeStudio(false);
    studio->addInputs({ demoLoops() });
    CHECK(studio->isScanning());
    CHECK(studio->libraryPanel().isScanning()); // progress bar and Cancel are shown
    snapshot(studio->libraryPanel(), "library-scanning");
    studio->commandManager().invokeDirectly(commands::cancelJobs, false);
    REQUIRE(pumpUntil([&] { return !studio->isScanning(); }, 60));
    CHECK_FALSE(studio->libraryPanel().isScanning());
}
