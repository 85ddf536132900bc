// The mixer view: a strip per track, return, group and the master; fader drags, inserts and effect parameters are
// song edits that undo (a drag is one step), reach the live engine, and are saved with the project.
#include "App/StudioCommands.h"
#include "Arrangement/ArrangementFile.h"
#include "GuiStudioFixture.h"
#include "UI/Theme.h"

using namespace loopmind;
using namespace loopmind::test;

namespace {
const ChannelStrip& songStrip(MainComponent& studio, int track) { return studio.document().song().arrangement->tracks[size_t(track)].strip; }

} // namespace

TEST_CASE("the mixer shows every strip, and a fader drag is one undo step the engine follows", "[gui][mixer]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(4));
    waitForSession(*studio);
    const auto& a = *studio->document().song().arrangement;
    REQUIRE(studio->commandManager().invokeDirectly(commands::toggleMixer, false));
    auto& mixer = studio->mixerView();
    CHECK(mixer.isVisible());
    CHECK_FALSE(studio->arrangementView().isVisible());
    REQUIRE(mixer.stripCount() == int(a.tracks.size() + a.mixer.returns.size() + a.mixer.groups.size()) + 1);
    CHECK(mixer.refAt(mixer.stripCount() - 1).kind == StripRef::Kind::master);

    const auto image = snapshot(mixer, "mixer");
    const auto first = mixer.stripAt(0).getBounds();
    CHECK(countDifferent(image, first, theme::window) > 2000); // the strip is drawn: controls, not a blank column

    // A drag: several values, one undo step; the engine's strip follows live.
    const double before = songStrip(*studio, 0).volumeDb;
    auto& fader = mixer.stripAt(0).fader();
    fader.onDragStart();
    for (double v : { -3.0, -4.5, -6.0 })
        fader.setValue(v, juce::sendNotificationSync);
    fader.onDragEnd();
    CHECK(songStrip(*studio, 0).volumeDb == Approx(-6.0));
    CHECK(studio->engine().strip({ StripRef::Kind::track, 0 })->volumeDb == Approx(-6.0));
    studio->document().undoManager().undo();
    CHECK(songStrip(*studio, 0).volumeDb == Approx(before));
    CHECK(studio->engine().strip({ StripRef::Kind::track, 0 })->volumeDb == Approx(before));
    CHECK(mixer.stripAt(0).fader().getValue() == Approx(before)); // the view shows the undone value

    // Pan and a send knob are edits too.
    mixer.stripAt(0).pan().setValue(-0.5, juce::sendNotificationSync);
    CHECK(songStrip(*studio, 0).pan == Approx(-0.5));
    CHECK(studio->engine().strip({ StripRef::Kind::track, 0 })->pan == Approx(-0.5));
}

TEST_CASE("inserts and effect parameters from the mixer reach the engine, undo and are saved", "[gui][mixer]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(6));
    waitForSession(*studio);
    studio->setMixerVisible(true);
    const StripRef track0 { StripRef::Kind::track, 0 };
    const int slot = int(songStrip(*studio, 0).inserts.size());
    REQUIRE(slot < ChannelStrip::maxInserts);
    studio->setInsert(track0, slot, "saturation");
    REQUIRE(int(songStrip(*studio, 0).inserts.size()) == slot + 1);
    CHECK(songStrip(*studio, 0).inserts.back().type == "saturation");
    // Adding an insert rebuilds the session off the audio thread; the engine then has it.
    REQUIRE(pumpUntil([&] { auto* s = studio->engine().strip(track0); return s && int(s->inserts.size()) == slot + 1; }, 30));
    CHECK(studio->mixerView().stripAt(0).insertButton(slot).getButtonText().startsWith("saturation"));

    // The effect's editor: a parameter moved as its slider would (one gesture) is one undo step.
    studio->openEffectEditor(track0, slot);
    REQUIRE(studio->effectEditor() != nullptr);
    auto* drive = studio->effectEditor()->effect().parameter("drive");
    REQUIRE(drive != nullptr);
    drive->beginChangeGesture();
    drive->setValueNotifyingHost(drive->convertTo0to1(18.0f));
    drive->setValueNotifyingHost(drive->convertTo0to1(24.0f));
    drive->endChangeGesture();
    CHECK(songStrip(*studio, 0).inserts.back().parameters.at("drive") == Approx(24.0));
    CHECK(studio->engine().strip(track0)->inserts.back().parameters.at("drive") == Approx(24.0));

    const auto file = juce::File((freshTempFolder("mixer-project") / "song.loopmind").string());
    REQUIRE(studio->saveProjectFile(file));
    studio->document().undoManager().undo(); // the drive gesture, whole
    CHECK(songStrip(*studio, 0).inserts.back().parameters.count("drive") == 0);
    CHECK(studio->effectEditor()->effect().parameterValue("drive") == Approx(6.0f)); // the editor shows the default again
    studio->document().undoManager().undo(); // the insert
    CHECK(int(songStrip(*studio, 0).inserts.size()) == slot);
    CHECK(studio->effectEditor() == nullptr); // its slot is gone: so is the editor

    auto reopened = makeStudio(false);
    REQUIRE(reopened->openProjectFile(file));
    REQUIRE(pumpUntil([&] { return !reopened->isScanning(); }, 180));
    const auto& saved = reopened->document().song().arrangement->tracks[0].strip;
    REQUIRE(int(saved.inserts.size()) == slot + 1);
    CHECK(saved.inserts.back().type == "saturation");
    CHECK(saved.inserts.back().parameters.at("drive") == Approx(24.0));
}

TEST_CASE("sends and a compressor's sidechain are chosen from the mixer and played by the engine", "[gui][mixer]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(2));
    waitForSession(*studio);
    const auto& a = *studio->document().song().arrangement;
    REQUIRE(a.mixer.returns.size() >= 2); // the arranger's reverb and delay returns
    studio->setMixerVisible(true);
    // A track without sends gets one to the second return, pre-fader; then it goes to the first; then it is removed.
    int track = -1;
    for (int t = 0; t < int(a.tracks.size()) && track < 0; ++t)
        if (a.tracks[size_t(t)].strip.sends.empty())
            track = t;
    REQUIRE(track >= 0);
    const StripRef ref { StripRef::Kind::track, track };
    auto engineSends = [&] { return studio->engine().strip(ref)->sends; };
    CHECK(studio->mixerView().stripAt(track).addSendButton().isVisible());
    studio->setSend(ref, 0, 1, true);
    REQUIRE(songStrip(*studio, track).sends.size() == 1);
    CHECK(songStrip(*studio, track).sends[0].returnBus == 1);
    CHECK(songStrip(*studio, track).sends[0].preFader);
    REQUIRE(pumpUntil([&] { return engineSends().size() == 1 && engineSends()[0].returnBus == 1; }, 30)); // a routing change: rebuilt
    studio->setSend(ref, 0, 0, true);
    REQUIRE(pumpUntil([&] { return engineSends().size() == 1 && engineSends()[0].returnBus == 0; }, 30));
    studio->removeSend(ref, 0);
    REQUIRE(pumpUntil([&] { return engineSends().empty(); }, 30));

    // A compressor on the bass keyed from the drums, as the insert menu's "Sidechain from" sets it.
    int bass = -1, drums = -1;
    for (int t = 0; t < int(a.tracks.size()); ++t) {
        if (a.tracks[size_t(t)].role == "bass" && bass < 0)
            bass = t;
        if (a.tracks[size_t(t)].role == "drums" && drums < 0)
            drums = t;
    }
    REQUIRE((bass >= 0 && drums >= 0));
    const StripRef bassRef { StripRef::Kind::track, bass };
    const int slot = int(songStrip(*studio, bass).inserts.size());
    studio->setInsert(bassRef, slot, "compressor");
    studio->setSidechain(bassRef, slot, a.tracks[size_t(drums)].name);
    CHECK(songStrip(*studio, bass).inserts.back().sidechainTrack == a.tracks[size_t(drums)].name);
    REQUIRE(pumpUntil([&] {
        auto* s = studio->engine().strip(bassRef);
        return s && int(s->inserts.size()) == slot + 1 && s->inserts.back().sidechainTrack == a.tracks[size_t(drums)].name;
    }, 30));
    CHECK(studio->engine().mixerProblems().empty());
    studio->document().undoManager().undo();
    CHECK(songStrip(*studio, bass).inserts.back().sidechainTrack.empty());
}
