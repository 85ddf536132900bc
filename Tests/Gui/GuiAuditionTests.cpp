// Auditioning loops from the library: the command (Space, click, menu) toggles it, Escape stops it, the engine's
// preview voice gets the loop, and with a song the loop is stretched to the song's tempo.
#include "App/StudioCommands.h"
#include "GuiStudioFixture.h"
#include "UI/Theme.h"
#include <cmath>

using namespace loopmind;
using namespace loopmind::test;

namespace {
/** What the engine would send to the device now (the test drives it: there is no device here). */
float engineOutputPeak(AudioEngine& engine, int blocks = 8)
{
    juce::AudioBuffer<float> out(2, 512);
    float peak = 0;
    for (int b = 0; b < blocks; ++b) {
        engine.processBlock(out.getArrayOfWritePointers(), 2, 512);
        peak = std::max(peak, out.getMagnitude(0, 512));
    }
    return peak;
}
} // namespace

TEST_CASE("the audition command toggles a loop through the engine, Space and Escape work in the library", "[gui][audition]")
{
    auto studio = makeStudio();
    auto& table = studio->libraryPanel().table();
    auto& commands = studio->commandManager();
    REQUIRE(table.numRows() >= 2);
    CHECK_FALSE(studio->audition().isActive());

    table.selectRow(0);
    REQUIRE(commands.invokeDirectly(commands::audition, false));
    CHECK(studio->audition().isActive());
    CHECK(studio->audition().loopPath() == table.loopAt(0)->path);
    REQUIRE(pumpUntil([&] { return studio->audition().isSounding(); }, 30)); // decoded off the message thread
    CHECK(studio->engine().isAuditioning());
    CHECK(engineOutputPeak(studio->engine()) > 0.01f);
    CHECK(studio->libraryPanel().status().startsWith("Auditioning"));
    const auto image = snapshot(studio->libraryPanel(), "library-auditioning");
    const auto row0 = table.table().getRowPosition(0, true).translated(table.getX(), table.getY() + table.table().getHeaderHeight());
    CHECK(countNear(image, row0, theme::text, 30) > 20); // the play mark (and the row's text)

    // Again: stop.
    REQUIRE(commands.invokeDirectly(commands::audition, false));
    CHECK_FALSE(studio->audition().isActive());
    CHECK_FALSE(studio->engine().isAuditioning());
    engineOutputPeak(studio->engine(), 2); // the fade-out
    CHECK(engineOutputPeak(studio->engine()) == 0.0f);

    // Space in the table auditions the selected row; another row switches; Escape stops.
    table.selectRow(1);
    CHECK(table.keyPressed(juce::KeyPress(juce::KeyPress::spaceKey)));
    CHECK(studio->audition().loopPath() == table.loopAt(1)->path);
    table.onAudition(0); // what a click on row 0 does
    CHECK(studio->audition().loopPath() == table.loopAt(0)->path);
    REQUIRE(commands.invokeDirectly(commands::cancelJobs, false));
    CHECK_FALSE(studio->audition().isActive());
    pumpFor(0.3); // a preparation that was under way is dropped, not started
    CHECK_FALSE(studio->engine().isAuditioning());
}

TEST_CASE("with a song, auditions are stretched to the song's tempo", "[gui][audition]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(5));
    const auto& song = *studio->document().song().arrangement;
    const LoopInfo* offTempo = nullptr;
    for (const auto& l : studio->document().loops)
        if (l.ok && l.bpm && l.beats > 0 && std::abs(*l.bpm - song.bpm) > 2.0)
            offTempo = &l;
    if (offTempo == nullptr) {
        WARN("every demo loop is at the song's tempo; nothing to stretch");
        return;
    }
    INFO(offTempo->path << " at " << *offTempo->bpm << " BPM, song at " << song.bpm);
    const double rate = 48000;
    const auto audio = prepareAuditionAudio(*offTempo, rate, ProjectTempo { song.bpm, song.beatsPerBar });
    REQUIRE(audio.ok());
    CHECK(audio.value()->getNumChannels() == 2);
    CHECK(audio.value()->getNumSamples() == int(std::llround(offTempo->beats * 60.0 / song.bpm * rate)));
    const auto natural = prepareAuditionAudio(*offTempo, rate, std::nullopt);
    REQUIRE(natural.ok());
    CHECK(natural.value()->getNumSamples() == Approx(offTempo->durationSeconds * rate).margin(2));
}
