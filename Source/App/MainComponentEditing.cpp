// Editing like a DAW from the arrangement view: clip gestures and the Edit menu's clip commands (split at the
// playhead, duplicate, copy, cut, paste, delete), the ruler's section menu, tempo and key. Each is one undoable song
// edit made by the document's pure functions (Document/ClipEdits, SectionEdits, SongEdits); a new arrangement
// revision makes the session builder prepare the song again off the audio thread.
#include "App/MainComponent.h"
#include "App/StudioCommands.h"
#include "Document/SectionEdits.h"

namespace loopmind {

bool MainComponent::editArrangement(const juce::String& name, const std::function<bool(Arrangement&)>& change)
{
    auto next = doc_.song();
    if (!next.arrangement || !change(*next.arrangement))
        return false;
    next.arrangementRevision = doc_.newRevision();
    doc_.edit(name, std::move(next));
    return true;
}

int MainComponent::playheadBar() const
{
    const auto& a = doc_.song().arrangement;
    if (!a)
        return 0;
    const double bar = double(engine_.position()) / engine_.sampleRate() * a->bpm / 60.0 / a->beatsPerBar;
    return int(std::floor(bar + 1e-9));
}

bool MainComponent::performClipCommand(juce::CommandID id)
{
    auto& canvas = arrangement_.canvas();
    const auto selection = canvas.selection();
    ClipSelection result;
    bool done = false;
    switch (id) {
    case commands::splitClips:
        done = editArrangement("Split", [&](Arrangement& a) { return splitClips(a, selection, playheadBar()); });
        break;
    case commands::duplicateClips:
        done = editArrangement("Duplicate", [&](Arrangement& a) { return duplicateClips(a, selection, &result); });
        break;
    case commands::copyClips:
        if (doc_.song().arrangement && !selection.empty())
            clipboard_ = copyClips(*doc_.song().arrangement, selection);
        return !selection.empty();
    case commands::cutClips:
        if (!doc_.song().arrangement || selection.empty())
            return false;
        clipboard_ = copyClips(*doc_.song().arrangement, selection);
        done = editArrangement("Cut", [&](Arrangement& a) { return deleteClips(a, selection); });
        break;
    case commands::pasteClips:
        // At the playhead's bar, onto the selected lane (else the lanes it was copied from).
        done = editArrangement("Paste", [&](Arrangement& a) { return pasteClips(a, clipboard_, playheadBar(), arrangement_.selectedLane(), &result); });
        break;
    case commands::deleteClips:
        done = editArrangement("Delete", [&](Arrangement& a) { return deleteClips(a, selection); });
        break;
    default: return false;
    }
    if (!done)
        library_.setStatus("Nothing to do there: clips stay on their lanes' grid, apart and inside the song.");
    canvas.setSelection(result);
    return done;
}

void MainComponent::moveClipsBy(const ClipSelection& clips, int deltaBars, int deltaLanes)
{
    ClipSelection moved;
    if (editArrangement("Move clips", [&](Arrangement& a) { return moveClips(a, clips, deltaBars, deltaLanes, &moved); }))
        arrangement_.canvas().setSelection(moved);
    else
        library_.setStatus("Clips move only onto free bars of lanes with the same role.");
}

void MainComponent::resizeClipTo(ClipRef clip, int bars, bool snapToPasses)
{
    if (editArrangement("Resize clip", [&](Arrangement& a) { return resizeClip(a, clip, bars, snapToPasses); }))
        arrangement_.canvas().setSelection({ clip });
}

bool MainComponent::editSection(int section, SectionEdit edit, const std::string& newName)
{
    switch (edit) {
    case SectionEdit::moveEarlier: return editArrangement("Move section", [&](Arrangement& a) { return moveSection(a, section, section - 1); });
    case SectionEdit::moveLater: return editArrangement("Move section", [&](Arrangement& a) { return moveSection(a, section, section + 1); });
    case SectionEdit::duplicate: return editArrangement("Duplicate section", [&](Arrangement& a) { return duplicateSection(a, section); });
    case SectionEdit::remove: return editArrangement("Delete section", [&](Arrangement& a) { return deleteSection(a, section); });
    case SectionEdit::rename: return editArrangement("Rename section", [&](Arrangement& a) { return renameSection(a, section, newName); });
    }
    return false;
}

void MainComponent::showSectionMenu(int section)
{
    juce::PopupMenu menu;
    const int count = doc_.song().arrangement ? int(doc_.song().arrangement->sections.size()) : 0;
    menu.addItem(1, "Duplicate section");
    menu.addItem(2, "Delete section", count > 1);
    menu.addItem(3, "Rename section...");
    menu.addItem(4, "Move earlier", section > 0);
    menu.addItem(5, "Move later", section + 1 < count);
    menu.showMenuAsync(juce::PopupMenu::Options(), [this, section](int chosen) {
        switch (chosen) {
        case 1: editSection(section, SectionEdit::duplicate); break;
        case 2: editSection(section, SectionEdit::remove); break;
        case 3: askForSectionName(section); break;
        case 4: editSection(section, SectionEdit::moveEarlier); break;
        case 5: editSection(section, SectionEdit::moveLater); break;
        default: break;
        }
    });
}

void MainComponent::askForSectionName(int section)
{
    const auto& a = doc_.song().arrangement;
    if (!a || section < 0 || section >= int(a->sections.size()))
        return;
    auto* window = new juce::AlertWindow("Rename section", "A new name for this section:", juce::MessageBoxIconType::NoIcon, this);
    window->addTextEditor("name", juce::String::fromUTF8(a->sections[size_t(section)].name.c_str()));
    window->addButton("Rename", 1, juce::KeyPress(juce::KeyPress::returnKey));
    window->addButton("Cancel", 0, juce::KeyPress(juce::KeyPress::escapeKey));
    juce::Component::SafePointer<MainComponent> safe(this);
    window->enterModalState(true, juce::ModalCallbackFunction::create([safe, window, section](int result) {
                                if (safe != nullptr && result == 1)
                                    safe->editSection(section, SectionEdit::rename, window->getTextEditorContents("name").trim().toStdString());
                            }),
                            true);
}

} // namespace loopmind
