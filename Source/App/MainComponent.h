#pragma once
// The studio window's content: transport, no-device banner, arrangement, library and render panels. It owns
// the document, the live engine and the background workers, and is the command target for menus and keys.
#include "App/AppSettings.h"
#include "App/FreezeTask.h"
#include "App/Audition.h"
#include "App/LatestJobRunner.h"
#include "App/LibraryScanner.h"
#include "App/ProjectFile.h"
#include "App/Recovery.h"
#include "App/SessionLog.h"
#include "App/RenderTask.h"
#include "App/SessionBuilder.h"
#include "Document/StudioDocument.h"
#include "Engine/AudioEngine.h"
#include "UI/ArrangementView.h"
#include "UI/EffectEditorPanel.h"
#include "UI/LibraryPanel.h"
#include "Plugins/PluginCatalogue.h"
#include "UI/MixerView.h"
#include "UI/PluginEditorPanel.h"
#include "UI/RenderPanel.h"
#include "UI/TransportBar.h"

namespace loopmind {

class MainComponent final : public juce::Component,
                            public juce::ApplicationCommandTarget,
                            public juce::FileDragAndDropTarget,
                            private juce::Timer {
public:
    struct Options {
        bool openAudioDevice = true;
        juce::File settingsFolder; // empty: the user's settings
    };
    explicit MainComponent(Options options);
    ~MainComponent() override;

    juce::ApplicationCommandManager& commandManager() { return commands_; }

    // Actions: what the commands and buttons do. Message thread.
    void addInputs(const std::vector<std::filesystem::path>& inputs);
    bool generate(std::uint64_t seed);
    void variation();
    /** Auditions the library's selected loop, or stops if it is the one playing. */
    void toggleAudition();
    std::string startRender();
    void setRenderSettings(const RenderSettings& s) { renderPanel_.setSettings(s); }
    bool openProjectFile(const juce::File& file);
    bool saveProjectFile(const juce::File& file);
    /** Runs next now, or after the user saved/discarded unsaved changes; never if they cancel. */
    void askToSaveThen(std::function<void()> next);

    // Never lose work (MainComponentRecovery.cpp).
    /** Writes the recovery copy now (a snapshot of the document), on this thread. */
    bool writeRecovery();
    /** After a crash: offers the recovery copy back if there is one (declined, it stays until the next save). */
    void offerRecovery();
    /** What the offer's Restore does: opens the recovery copy as unsaved work. False when there is none. */
    bool restoreRecovery();
    juce::File recoveryFile() { return recoveryFileIn(settings_.folder()); }
    SessionLog& sessionLog() { return log_; }
    /** A signal asked the app to end: the recovery copy is written, then this runs (the app quits with 0). */
    std::function<void()> onTerminationSaved;

    // The mixer (MainComponentMixer.cpp): every change is an undoable song edit that the engine follows live.
    void setMixerVisible(bool visible);
    bool isMixerVisible() const { return mixerVisible_; }
    /** Edits one strip of the song; continuing joins the last undo step of the same name (a drag). */
    void editStrip(StripRef ref, const juce::String& name, bool continuing, const std::function<void(ChannelStrip&)>& change);
    /** Puts a built-in effect in the slot (replacing what is there; a slot past the end appends). */
    void setInsert(StripRef ref, int slot, const std::string& type);
    void removeInsert(StripRef ref, int slot);
    void toggleInsertBypass(StripRef ref, int slot);
    void openEffectEditor(StripRef ref, int slot);
    /** Sends: send < sends.size() edits that send, == sends.size() adds one (to returnBus). */
    void setSend(StripRef ref, int send, int returnBus, bool preFader);
    void removeSend(StripRef ref, int send);
    /** A compressor insert's detector input: another track's name, or empty for its own signal. */
    void setSidechain(StripRef ref, int slot, const std::string& trackName);
    EffectEditorPanel* effectEditor() { return effectEditor_.get(); }

    // Hosted plug-ins (MainComponentPlugins.cpp).
    /** Puts a hosted plug-in in the slot (its defaults; a slot past the end appends). */
    void setPluginInsert(StripRef ref, int slot, const PluginReference& plugin);
    /** Opens the live instance's editor (generic unless ownEditor and it has one); false if the slot plays none. */
    bool openPluginEditor(StripRef ref, int slot, bool ownEditor = true);
    /** Closes it, recording the instance's state in the song (one undo step if it changed). */
    void closePluginEditor();
    /** Every live plug-in's state into the song (before a save or a render): one undo step if any changed. */
    void recordPluginStates();
    /** Scans for plug-ins in the background (the helper process); the insert menus then offer what it found. */
    void scanPlugins(bool rescan);
    /** Adds a folder to search for plug-ins (kept in the settings), then scans. */
    void addPluginFolder(const juce::File& folder);
    /** The scanned effects whose name, vendor or category contains `text` (any case). */
    std::vector<PluginReference> findPlugins(const juce::String& text);
    const plugins::PluginCatalogue& pluginList();
    PluginEditorPanel* pluginEditor() { return pluginEditor_.get(); }
    std::function<void()> onPluginScanFinished;

    // Stem freeze (MainComponentFreeze.cpp).
    /** Freezes a lane's track on a background thread (playback goes on; the engine swaps it in when done), or
        unfreezes a frozen one. Each is one undo step. */
    void toggleFreeze(int lane);
    bool isFreezing() const { return freeze_.isRunning(); }
    /** Where freeze files go: "Frozen" beside the project when it has been saved, and the user cache. */
    std::vector<std::filesystem::path> freezeFolders() const;
    std::function<void()> onFreezeFinished;

    // Editing like a DAW (MainComponentEditing.cpp): each is one undo step; false when nothing could be done.
    /** Edits the arrangement with `change` (false: no change) as a new revision. */
    bool editArrangement(const juce::String& name, const std::function<bool(Arrangement&)>& change);
    /** The clip commands on the arrangement view's selection (split at the playhead, duplicate, copy, cut, paste, delete). */
    bool performClipCommand(juce::CommandID id);
    void moveClipsBy(const ClipSelection& clips, int deltaBars, int deltaLanes);
    void resizeClipTo(ClipRef clip, int bars, bool snapToPasses);
    enum class SectionEdit { moveEarlier, moveLater, duplicate, remove, rename };
    bool editSection(int section, SectionEdit edit, const std::string& newName = {});
    /** The song's bar under the playhead. */
    int playheadBar() const;

    std::function<void()> onScanFinished;
    std::function<void(const RenderOutcome&)> onRenderFinished;

    // For tests, the demo driver and the window.
    StudioDocument& document() { return doc_; }
    AudioEngine& engine() { return engine_; }
    Audition& audition() { return audition_; }
    LibraryPanel& libraryPanel() { return library_; }
    ArrangementView& arrangementView() { return arrangement_; }
    MixerView& mixerView() { return mixer_; }
    RenderPanel& renderPanel() { return renderPanel_; }
    TransportBar& transport() { return transport_; }
    AppSettings& settings() { return settings_; }
    bool isScanning() const { return scanning_; }
    bool showsNoDeviceBanner() const { return banner_.isVisible(); }
    bool isRendering() const { return render_.isRunning(); }
    juce::String windowTitle() const;

    void resized() override;
    void paint(juce::Graphics&) override;
    void paintOverChildren(juce::Graphics&) override;

    bool isInterestedInFileDrag(const juce::StringArray&) override { return true; }
    void fileDragEnter(const juce::StringArray&, int, int) override { dragging_ = true; repaint(); }
    void fileDragExit(const juce::StringArray&) override { dragging_ = false; repaint(); }
    void filesDropped(const juce::StringArray& files, int, int) override;

    /** Unhandled commands (quit) go on to the application, when there is one (not in tests). */
    juce::ApplicationCommandTarget* getNextCommandTarget() override { return juce::JUCEApplication::getInstance(); }
    void getAllCommands(juce::Array<juce::CommandID>&) override;
    void getCommandInfo(juce::CommandID, juce::ApplicationCommandInfo&) override;
    bool perform(const InvocationInfo&) override;

private:
    void timerCallback() override;
    void songChanged(const SongState& before);
    void sessionReady(SessionBuilder::Built built);
    void applyLaneMix();
    void showMixerOfSong();
    void applyMixerEdits(const SongState& before);
    void showInsertMenu(StripRef ref, int slot, juce::Component& slotButton);
    void showSendMenu(StripRef ref, int send, juce::Component& button);
    void updateEffectEditor();
    void addPluginMenu(juce::PopupMenu& menu, int firstId, std::vector<PluginReference>& offered);
    void askForPluginSearch(StripRef ref, int slot);
    void choosePluginFolder();
    void updateMixerMeters(float masterPeak);
    void showSectionMenu(int section);
    void askForSectionName(int section);
    void freezeFinished(const FreezeTask::Done& done);
    bool freezeIsStale(int lane) const;
    void cancelStaleFreeze();
    void applyFreezeEdits();
    void editLane(int lane, const juce::String& name, std::function<void(SongState&)> change);
    void chooseFolderToAdd();
    void chooseRenderFolder();
    void chooseProjectToOpen();
    void chooseProjectToSave(std::function<void()> then = {});
    void showAudioSettings();
    void updateBanner();
    void auditionChanged(const std::string& problem);
    std::optional<ProjectTempo> projectTempo() const;
    void updateTitle();
    void autosaveIfDue();
    Project snapshot();

    AppSettings settings_;
    SessionLog log_ { settings_.folder() };
    juce::ApplicationCommandManager commands_;
    StudioDocument doc_;
    AudioEngine engine_;
    LibraryScanner scanner_ { *this };
    SessionBuilder sessions_ { *this, [this](SessionBuilder::Built b) { sessionReady(std::move(b)); } };
    RenderTask render_ { *this };
    FreezeTask freeze_ { *this };
    ClipClipboard clipboard_;
    double tempoScale_ = 1.0; // old tempo / new tempo, applied to the playhead when the re-fitted session arrives
    std::optional<SongState> freezeStart_; // the song when the running freeze began: an edit of the track since cancels it
    Audition audition_ { *this, engine_ };

    TransportBar transport_;
    juce::Label banner_;
    ArrangementView arrangement_;
    MixerView mixer_;
    std::unique_ptr<EffectEditorPanel> effectEditor_;
    std::unique_ptr<PluginEditorPanel> pluginEditor_;
    std::optional<plugins::PluginCatalogue> pluginList_; // read from the scan's cache when first needed
    LatestJobRunner pluginScan_;
    LatestJobRunner autosave_;
    double lastAutosaveMs_ = juce::Time::getMillisecondCounterHiRes();
    bool terminating_ = false;
    StripRef editorRef_;
    int editorSlot_ = -1;
    LibraryPanel library_;
    RenderPanel renderPanel_;
    juce::TooltipWindow tooltips_ { this };

    std::vector<std::filesystem::path> queuedInputs_; // dropped while a scan runs
    std::unique_ptr<juce::FileChooser> chooser_;
    double sessionRate_ = 0; // the rate the engine's current tracks were prepared at
    int deviceChanges_ = -1; // the engine's device change count the GUI last showed
    bool scanning_ = false, dragging_ = false, looping_ = false, mixerVisible_ = false;
    bool playWhenReady_ = false; // Play was pressed while the session was being prepared
};

} // namespace loopmind
