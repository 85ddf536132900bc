// Editing like a DAW in the app: clips dragged (by bars, with a ghost), resized by their right edge, rubber-band
// selected, split, duplicated, copied, cut, pasted and deleted through the commands; sections duplicated, renamed,
// deleted and dragged in the ruler; tempo and key typed into the transport. Each edit is one undo step and is saved.
#include "App/StudioCommands.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/KeyRelation.h"
#include "GuiStudioFixture.h"

using namespace loopmind;
using namespace loopmind::test;

namespace {
const Arrangement& songOf(MainComponent& studio) { return *studio.document().song().arrangement; }

int laneOfRole(MainComponent& studio, const std::string& role)
{
    const auto& tracks = songOf(studio).tracks;
    for (size_t i = 0; i < tracks.size(); ++i)
        if (tracks[i].role == role)
            return int(i);
    return -1;
}

/** A press at (x0, y0), dragged to (x1, y1) and released, on the canvas, as a mouse would. */
void drag(ArrangementCanvas& canvas, juce::Point<float> from, juce::Point<float> to, juce::ModifierKeys mods = {})
{
    auto source = juce::Desktop::getInstance().getMainMouseSource();
    const auto now = juce::Time::getCurrentTime();
    auto event = [&](juce::Point<float> at, bool dragged) {
        return juce::MouseEvent(source, at, mods.withFlags(juce::ModifierKeys::leftButtonModifier), 1.0f, 0.0f, 0.0f, 0.0f, 0.0f, &canvas,
                                &canvas, now, from, now, 1, dragged);
    };
    canvas.mouseDown(event(from, false));
    canvas.mouseDrag(event((from + to) / 2.0f, true));
    canvas.mouseDrag(event(to, true));
    canvas.mouseUp(event(to, true));
}

juce::Point<float> pointAt(ArrangementCanvas& canvas, int lane, double bar)
{
    return { canvas.xAtBar(bar), float(canvas.laneBounds(lane).getCentreY()) };
}

std::vector<std::pair<int, int>> clipsOf(MainComponent& studio, int lane)
{
    std::vector<std::pair<int, int>> out;
    for (const auto& c : songOf(studio).tracks[size_t(lane)].clips)
        out.emplace_back(c.startBar, c.bars);
    return out;
}

void invoke(MainComponent& studio, juce::CommandID id) { REQUIRE(studio.commandManager().invokeDirectly(id, false)); }
} // namespace

TEST_CASE("clips are moved, resized, selected, split, duplicated, copied, cut, pasted and deleted", "[gui][editing]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(5));
    waitForSession(*studio);
    auto& view = studio->arrangementView();
    auto& canvas = view.canvas();
    const int fx = laneOfRole(*studio, "fx"), drums = laneOfRole(*studio, "drums");
    REQUIRE(fx >= 0);
    REQUIRE(drums >= 0);
    auto& undo = studio->document().undoManager();

    // A rubber band across the whole fx lane selects its clips; copy, delete, undo, redo.
    const auto fxClips = clipsOf(*studio, fx);
    REQUIRE(!fxClips.empty());
    const double end = songOf(*studio).totalBars();
    drag(canvas, { canvas.xAtBar(0) + 1, float(canvas.laneBounds(fx).getY() + 2) }, { canvas.xAtBar(end) - 1, float(canvas.laneBounds(fx).getBottom() - 2) });
    CHECK(canvas.selection().size() == fxClips.size());
    invoke(*studio, commands::copyClips);
    invoke(*studio, commands::deleteClips);
    CHECK(clipsOf(*studio, fx).empty());
    undo.undo();
    CHECK(clipsOf(*studio, fx) == fxClips);
    undo.redo();
    CHECK(clipsOf(*studio, fx).empty());

    // Paste at the playhead's bar onto the selected lane; duplicate right after.
    const auto& a = songOf(*studio);
    studio->engine().setPosition(std::llround(double(a.sampleAtBar(8)) * studio->engine().sampleRate() / a.sampleRate));
    REQUIRE(studio->playheadBar() == 8);
    view.selectLane(fx);
    invoke(*studio, commands::pasteClips);
    const auto pasted = clipsOf(*studio, fx);
    REQUIRE(pasted.size() == fxClips.size());
    CHECK(pasted.front().first == 8);
    canvas.setSelection({ { fx, 0 } });
    invoke(*studio, commands::duplicateClips);
    CHECK(clipsOf(*studio, fx)[1].first == 8 + pasted.front().second);
    CHECK(undo.getUndoDescription() == "Duplicate");

    // Drag the duplicate 3 bars later: where it lands is drawn while dragging, the song changes on release.
    const auto copy = clipsOf(*studio, fx)[1];
    drag(canvas, pointAt(canvas, fx, copy.first + 0.3), pointAt(canvas, fx, copy.first + 3.3));
    CHECK(clipsOf(*studio, fx)[1].first == copy.first + 3);
    // Dragging it onto the drums lane (another role) is refused.
    drag(canvas, pointAt(canvas, fx, copy.first + 3.3), pointAt(canvas, drums, copy.first + 3.3));
    CHECK(clipsOf(*studio, fx)[1].first == copy.first + 3);

    // Its right edge: by bars with Alt.
    const auto moved = clipsOf(*studio, fx)[1];
    drag(canvas, { canvas.xAtBar(moved.first + moved.second) - 2, float(canvas.laneBounds(fx).getCentreY()) },
         { canvas.xAtBar(moved.first + moved.second + 2), float(canvas.laneBounds(fx).getCentreY()) }, juce::ModifierKeys::altModifier);
    CHECK(clipsOf(*studio, fx)[1].second == moved.second + 2);
    snapshot(view, "arrangement-edited");

    // Split at the playhead with nothing selected: every clip under bar 4 is cut there.
    canvas.setSelection({});
    studio->engine().setPosition(std::llround(double(a.sampleAtBar(4)) * studio->engine().sampleRate() / a.sampleRate));
    const auto drumClips = clipsOf(*studio, drums).size();
    invoke(*studio, commands::splitClips);
    CHECK(clipsOf(*studio, drums).size() == drumClips + 1);

    // Cut: gone, and on the clipboard.
    canvas.setSelection({ { fx, 0 } });
    const auto before = clipsOf(*studio, fx).size();
    invoke(*studio, commands::cutClips);
    CHECK(clipsOf(*studio, fx).size() == before - 1);

    // Saved with the project.
    const auto file = juce::File((freshTempFolder("editing-project") / "song.loopmind").string());
    REQUIRE(studio->saveProjectFile(file));
    auto reopened = makeStudio(false);
    REQUIRE(reopened->openProjectFile(file));
    CHECK(arrangementToText(songOf(*reopened)) == arrangementToText(songOf(*studio)));
}

TEST_CASE("sections are duplicated, renamed, deleted and dragged, tempo and key are typed in the transport", "[gui][editing]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(5));
    waitForSession(*studio);
    auto& undo = studio->document().undoManager();
    const auto first = songOf(*studio).sections[0];
    const int bars = songOf(*studio).totalBars();

    REQUIRE(studio->editSection(0, MainComponent::SectionEdit::duplicate));
    CHECK(songOf(*studio).totalBars() == bars + first.bars);
    CHECK(songOf(*studio).sections[1].name == first.name);
    REQUIRE(studio->editSection(1, MainComponent::SectionEdit::rename, "intro 2"));
    CHECK(songOf(*studio).sections[1].name == "intro 2");
    REQUIRE(studio->editSection(1, MainComponent::SectionEdit::remove));
    CHECK(songOf(*studio).totalBars() == bars);
    undo.undo();
    CHECK(songOf(*studio).sections[1].name == "intro 2");
    undo.undo();
    undo.undo();
    CHECK(songOf(*studio).totalBars() == bars);

    // Drag the first section in the ruler onto the third: it moves there.
    auto& canvas = studio->arrangementView().canvas();
    const auto& s = songOf(*studio).sections;
    REQUIRE(s.size() >= 3);
    const auto third = s[2];
    drag(canvas, { canvas.xAtBar(s[0].startBar + 0.5), 10.0f }, { canvas.xAtBar(third.startBar + 0.5), 10.0f });
    CHECK(songOf(*studio).sections[2].name == first.name);
    CHECK(songOf(*studio).sections[0].startBar == 0);
    CHECK(songOf(*studio).totalBars() == bars);

    // Tempo: the song's, re-fitted off the audio thread; out of range is refused and the field shows the tempo again.
    auto& tempo = studio->transport().tempoField();
    tempo.setText("100", juce::sendNotificationSync);
    CHECK(songOf(*studio).bpm == Approx(100.0));
    waitForSession(*studio);
    tempo.setText("900", juce::sendNotificationSync);
    CHECK(songOf(*studio).bpm == Approx(100.0));
    CHECK(tempo.getText() == "100.0 BPM");

    // Key: pitched loops are transposed by the move, drums stay.
    REQUIRE(songOf(*studio).key);
    const auto was = parseKey(*songOf(*studio).key);
    auto& key = studio->transport().keyBox();
    const int target = (was->minor ? 12 : 0) + (was->tonic + 2) % 12; // two semitones up, same mode
    key.setSelectedId(1 + target, juce::sendNotificationSync);
    CHECK(parseKey(*songOf(*studio).key)->tonic == (was->tonic + 2) % 12);
    for (const auto& t : songOf(*studio).tracks)
        CHECK(t.transpose == (t.loopKey ? 2 : 0));
    CHECK(undo.getUndoDescription() == "Key");
    waitForSession(*studio);
    snapshot(studio->transport(), "transport-tempo-key");
}
