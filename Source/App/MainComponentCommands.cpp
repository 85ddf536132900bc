// MainComponent's command table, menus' and keys' single entry point, plus the dialogs commands open.
#include "App/MainComponent.h"
#include "App/ProjectFile.h"
#include "App/StudioCommands.h"
#include "Core/PathText.h"
#include <juce_audio_utils/juce_audio_utils.h>
#include <map>

namespace loopmind {
namespace fs = std::filesystem;

void MainComponent::getAllCommands(juce::Array<juce::CommandID>& c)
{
    for (juce::CommandID id = commands::openProject; id <= commands::last; ++id)
        c.add(id);
}

void MainComponent::getCommandInfo(juce::CommandID id, juce::ApplicationCommandInfo& info)
{
    using KP = juce::KeyPress;
    const auto cmd = juce::ModifierKeys::commandModifier, shift = juce::ModifierKeys::shiftModifier;
    const bool hasSong = doc_.song().arrangement.has_value();
    switch (id) {
    case commands::openProject: info.setInfo("Open Project...", "Open a .loopmind project", "File", 0); info.addDefaultKeypress('o', cmd); break;
    case commands::saveProject: info.setInfo("Save Project", "Save the project", "File", 0); info.addDefaultKeypress('s', cmd); break;
    case commands::saveProjectAs: info.setInfo("Save Project As...", "Save under a new name", "File", 0); info.addDefaultKeypress('s', cmd | shift); break;
    case commands::addFolder:
        info.setInfo("Add Folder...", "Add a folder of loops to the library", "File", 0);
        info.addDefaultKeypress('a', cmd | shift);
        info.setActive(!scanning_);
        break;
    case commands::undo:
        info.setInfo("Undo " + doc_.undoManager().getUndoDescription(), "Undo the last edit", "Edit", 0);
        info.addDefaultKeypress('z', cmd);
        info.setActive(doc_.undoManager().canUndo());
        break;
    case commands::redo:
        info.setInfo("Redo " + doc_.undoManager().getRedoDescription(), "Redo", "Edit", 0);
        info.addDefaultKeypress('z', cmd | shift);
        info.addDefaultKeypress('y', cmd);
        info.setActive(doc_.undoManager().canRedo());
        break;
    case commands::generate: info.setInfo("Generate", "Arrange a song with the seed in the seed field", "Song", 0); info.addDefaultKeypress('g', cmd); break;
    case commands::variation: info.setInfo("Variation", "Arrange again with a new seed", "Song", 0); info.addDefaultKeypress('g', cmd | shift); break;
    case commands::playStop:
        info.setInfo("Play / Stop", "Start or stop playback", "Transport", 0);
        info.addDefaultKeypress(KP::spaceKey, 0);
        info.setActive(hasSong && engine_.hasDevice());
        break;
    case commands::rewind:
        info.setInfo("Back to Start", "Move the playhead to the start", "Transport", 0);
        info.addDefaultKeypress(KP::homeKey, 0);
        info.setActive(engine_.hasDevice());
        break;
    case commands::toggleLoop:
        info.setInfo("Loop", "Loop the whole song", "Transport", 0);
        info.addDefaultKeypress('l', 0);
        info.setTicked(looping_);
        break;
    case commands::render:
        info.setInfo("Render", "Render the mix (and stems) to the destination", "Song", 0);
        info.addDefaultKeypress('r', cmd);
        info.setActive(hasSong && !render_.isRunning());
        break;
    case commands::cancelJobs:
        info.setInfo("Cancel", "Stop the audition, cancel the scan, render or freeze in progress", "Song", 0);
        info.addDefaultKeypress(KP::escapeKey, 0);
        break;
    case commands::audition:
        // Space in the library table, a click on a row, or this menu item; Escape stops it.
        info.setInfo("Audition Loop", "Play the selected library loop (again: stop)", "Transport", 0);
        info.addDefaultKeypress('p', cmd);
        info.setTicked(audition_.isActive());
        info.setActive(library_.table().loopAt(library_.table().selectedRow()) != nullptr || audition_.isActive());
        break;
    case commands::audioSettings: info.setInfo("Audio Settings...", "Choose the audio device", "Options", 0); info.addDefaultKeypress(',', cmd); break;
    case commands::zoomIn: info.setInfo("Zoom In", "Zoom the arrangement in", "View", 0); info.addDefaultKeypress('=', cmd); break;
    case commands::zoomOut: info.setInfo("Zoom Out", "Zoom the arrangement out", "View", 0); info.addDefaultKeypress('-', cmd); break;
    case commands::zoomFit: info.setInfo("Zoom to Fit", "Show the whole song", "View", 0); info.addDefaultKeypress('0', cmd); break;
    case commands::focusSearch: info.setInfo("Search Library", "Jump to the library search box", "View", 0); info.addDefaultKeypress('f', cmd); break;
    case commands::toggleMixer:
        info.setInfo("Mixer", "Show the mixer (faders, pans, sends, inserts) instead of the arrangement", "View", 0);
        info.addDefaultKeypress('m', cmd);
        info.setTicked(mixerVisible_);
        break;
    case commands::splitClips:
    case commands::duplicateClips:
    case commands::copyClips:
    case commands::cutClips:
    case commands::pasteClips:
    case commands::deleteClips: {
        struct Item { const char* name; const char* what; char key; };
        static const std::map<juce::CommandID, Item> items {
            { commands::splitClips, { "Split at Playhead", "Split the selected clips (or all under the playhead) at its bar", 'e' } },
            { commands::duplicateClips, { "Duplicate", "Copy the selected clips right after themselves", 'd' } },
            { commands::copyClips, { "Copy", "Copy the selected clips", 'c' } },
            { commands::cutClips, { "Cut", "Copy the selected clips and remove them", 'x' } },
            { commands::pasteClips, { "Paste", "Paste at the playhead's bar, onto the selected lane", 'v' } },
            { commands::deleteClips, { "Delete", "Remove the selected clips", 0 } },
        };
        const auto& item = items.at(id);
        info.setInfo(item.name, item.what, "Edit", 0);
        if (item.key != 0)
            info.addDefaultKeypress(item.key, cmd);
        else {
            info.addDefaultKeypress(KP::deleteKey, 0);
            info.addDefaultKeypress(KP::backspaceKey, 0);
        }
        const bool selected = !arrangement_.canvas().selection().empty();
        info.setActive(hasSong && (id == commands::pasteClips ? !clipboard_.entries.empty() : id == commands::splitClips || selected));
        break;
    }
    case commands::freezeTrack: {
        const int lane = arrangement_.selectedLane();
        const bool frozen = hasSong && lane >= 0 && lane < int(doc_.song().arrangement->tracks.size())
                            && doc_.song().arrangement->tracks[size_t(lane)].frozen;
        info.setInfo(frozen ? "Unfreeze Track" : "Freeze Track",
                     "Render the selected track's loop and inserts once and play that (again: play it live)", "Song", 0);
        info.addDefaultKeypress('f', cmd | shift);
        info.setActive(hasSong && lane >= 0);
        info.setTicked(frozen);
        break;
    }
    default: break;
    }
}

bool MainComponent::perform(const InvocationInfo& info)
{
    switch (info.commandID) {
    case commands::openProject: askToSaveThen([this] { chooseProjectToOpen(); }); break;
    case commands::saveProject:
        if (doc_.projectFile == juce::File()) chooseProjectToSave();
        else saveProjectFile(doc_.projectFile);
        break;
    case commands::saveProjectAs: chooseProjectToSave(); break;
    case commands::addFolder: chooseFolderToAdd(); break;
    case commands::undo: doc_.undoManager().undo(); break;
    case commands::redo: doc_.undoManager().redo(); break;
    case commands::generate: generate(arrangement_.seedFieldValue()); break;
    case commands::variation: variation(); break;
    case commands::playStop:
        if (engine_.isPlaying() || playWhenReady_) {
            engine_.stop();
            playWhenReady_ = false;
        } else if (doc_.song().arrangement && engine_.hasDevice()) {
            // While the song's audio is still being prepared, playing would run into an empty session: wait for it.
            if (sessions_.isBusy()) {
                playWhenReady_ = true;
            } else {
                engine_.play();
                audition_.resyncToTransport();
            }
        }
        break;
    case commands::rewind: engine_.setPosition(0); break;
    case commands::toggleLoop:
        looping_ = !looping_;
        transport_.setLooping(looping_);
        if (const auto& a = doc_.song().arrangement)
            engine_.setLoop(0, std::int64_t(a->totalBars() * a->beatsPerBar * engine_.sampleRate() * 60.0 / a->bpm), looping_);
        break;
    case commands::render: startRender(); break;
    case commands::cancelJobs:
        audition_.stop();
        scanner_.cancel();
        freeze_.cancel();
        render_.cancel();
        break;
    case commands::audition: toggleAudition(); break;
    case commands::audioSettings: showAudioSettings(); break;
    case commands::zoomIn: arrangement_.zoom(1.5); break;
    case commands::zoomOut: arrangement_.zoom(1.0 / 1.5); break;
    case commands::zoomFit: arrangement_.zoomToFit(); break;
    case commands::focusSearch: library_.searchBox().grabKeyboardFocus(); break;
    case commands::toggleMixer: setMixerVisible(!mixerVisible_); break;
    case commands::freezeTrack: toggleFreeze(arrangement_.selectedLane()); break;
    case commands::splitClips:
    case commands::duplicateClips:
    case commands::copyClips:
    case commands::cutClips:
    case commands::pasteClips:
    case commands::deleteClips: performClipCommand(info.commandID); break;
    default: return false;
    }
    commands_.commandStatusChanged();
    return true;
}

// ---- Dialogs ---------------------------------------------------------------------------------------------

void MainComponent::chooseFolderToAdd()
{
    chooser_ = std::make_unique<juce::FileChooser>("Add a folder of loops", settings_.lastFolder());
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories
                              | juce::FileBrowserComponent::canSelectFiles | juce::FileBrowserComponent::canSelectMultipleItems,
                          [this](const juce::FileChooser& fc) {
                              std::vector<fs::path> inputs;
                              for (const auto& f : fc.getResults())
                                  inputs.push_back(pathFromText(f.getFullPathName().toStdString()));
                              if (!inputs.empty())
                                  settings_.setLastFolder(fc.getResult());
                              addInputs(inputs);
                          });
}

void MainComponent::chooseRenderFolder()
{
    chooser_ = std::make_unique<juce::FileChooser>("Render destination", settings_.lastFolder());
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                          [this](const juce::FileChooser& fc) {
                              if (fc.getResult() == juce::File())
                                  return;
                              auto s = renderPanel_.settings();
                              s.folder = pathFromText(fc.getResult().getFullPathName().toStdString());
                              renderPanel_.setSettings(s);
                          });
}

void MainComponent::chooseProjectToOpen()
{
    chooser_ = std::make_unique<juce::FileChooser>("Open project", settings_.lastFolder(), "*.loopmind");
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this](const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  openProjectFile(fc.getResult());
                          });
}

void MainComponent::chooseProjectToSave(std::function<void()> then)
{
    chooser_ = std::make_unique<juce::FileChooser>("Save project", settings_.lastFolder().getChildFile("Untitled.loopmind"), "*.loopmind");
    chooser_->launchAsync(juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this, then](const juce::FileChooser& fc) {
                              auto f = fc.getResult();
                              if (f == juce::File())
                                  return;
                              if (saveProjectFile(f.withFileExtension("loopmind")) && then)
                                  then();
                          });
}

bool MainComponent::saveProjectFile(const juce::File& file)
{
    recordPluginStates(); // the plug-ins' settings as they are now
    Project p { doc_.folders, doc_.song(), renderPanel_.settings() };
    if (auto st = saveProject(p, pathFromText(file.getFullPathName().toStdString())); !st) {
        log_.problem("save", st.error());
        juce::AlertWindow::showMessageBoxAsync(juce::MessageBoxIconType::WarningIcon, "Could not save", st.error());
        return false;
    }
    doc_.projectFile = file;
    doc_.dirty = false;
    settings_.addRecentProject(file);
    recoveryFile().deleteFile(); // saved: nothing left to recover
    updateTitle();
    return true;
}

bool MainComponent::openProjectFile(const juce::File& file)
{
    auto p = loadProject(pathFromText(file.getFullPathName().toStdString()));
    if (!p) {
        log_.problem("open", p.error());
        juce::AlertWindow::showMessageBoxAsync(juce::MessageBoxIconType::WarningIcon, "Could not open project", p.error());
        return false;
    }
    doc_.folders = p->folders; // the project's own: rescanning them below is no change
    doc_.loops.clear();
    library_.table().setLoops({});
    renderPanel_.setSettings(p->render);
    doc_.reset(p->song);
    doc_.projectFile = file;
    settings_.addRecentProject(file);
    addInputs(p->folders); // the library is rescanned in the background (the analysis is not stored)
    updateTitle();
    return true;
}

void MainComponent::askToSaveThen(std::function<void()> next)
{
    if (!doc_.dirty) {
        next();
        return;
    }
    juce::Component::SafePointer<MainComponent> safe(this);
    juce::AlertWindow::showYesNoCancelBox(
        juce::MessageBoxIconType::QuestionIcon, "Unsaved changes", "Save the changes to " + windowTitle().upToFirstOccurrenceOf(" -", false, false) + "?",
        "Save", "Discard", "Cancel", this, juce::ModalCallbackFunction::create([safe, next](int choice) {
            if (safe == nullptr || choice == 0)
                return; // cancelled
            if (choice == 2) {
                next(); // discard
                return;
            }
            if (safe->doc_.projectFile != juce::File()) {
                if (safe->saveProjectFile(safe->doc_.projectFile))
                    next();
            } else {
                safe->chooseProjectToSave(next);
            }
        }));
}

/** The device selector; closing it stores the choice and refreshes the banner. */
class AudioSettingsContent final : public juce::Component {
public:
    AudioSettingsContent(AudioEngine& engine, std::function<void()> onClose)
        : selector_(engine.deviceManager(), 0, 0, 2, 2, false, false, true, false), onClose_(std::move(onClose))
    {
        addAndMakeVisible(selector_);
        setSize(520, 380);
    }
    ~AudioSettingsContent() override { if (onClose_) onClose_(); }
    void resized() override { selector_.setBounds(getLocalBounds()); }

private:
    juce::AudioDeviceSelectorComponent selector_;
    std::function<void()> onClose_;
};

void MainComponent::showAudioSettings()
{
    juce::Component::SafePointer<MainComponent> safe(this);
    juce::DialogWindow::LaunchOptions o;
    o.dialogTitle = "Audio Settings";
    o.dialogBackgroundColour = getLookAndFeel().findColour(juce::ResizableWindow::backgroundColourId);
    o.content.setOwned(new AudioSettingsContent(engine_, [safe] {
        if (safe == nullptr)
            return;
        auto state = safe->engine_.deviceState();
        safe->settings_.setAudioDeviceState(state.get());
        // Reopen through the engine so its callback is attached even if there was no device at start.
        safe->engine_.openDevice({}, state.get());
        safe->updateBanner();
    }));
    o.componentToCentreAround = this;
    o.resizable = true;
    o.launchAsync();
}

} // namespace loopmind
