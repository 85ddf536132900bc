#include "App/MainComponent.h"
#include "Document/SectionEdits.h"
#include "Plugins/PluginHost.h"
#include "App/ProjectFile.h"
#include "Document/SongEdits.h"
#include "App/StudioCommands.h"
#include "Core/PathText.h"
#include "UI/Theme.h"

namespace loopmind {
namespace fs = std::filesystem;

MainComponent::MainComponent(Options options) : settings_(options.settingsFolder)
{
    doc_.onSongChanged = [this](const SongState& before) { songChanged(before); };
    for (const auto& folder : settings_.pluginFolders()) // Options' plug-in folders, for the scan and for loading
        plugins::addPluginFolder(folder.toStdString());
    if (options.openAudioDevice) {
        auto saved = settings_.audioDeviceState();
        engine_.openDevice({}, saved.get());
    }
    banner_.setColour(juce::Label::backgroundColourId, juce::Colour(0xff5a3a1a));
    banner_.setColour(juce::Label::textColourId, theme::text);
    banner_.setJustificationType(juce::Justification::centred);
    updateBanner();

    transport_.onPlayStop = [this] { commands_.invokeDirectly(commands::playStop, true); };
    transport_.onRewind = [this] { commands_.invokeDirectly(commands::rewind, true); };
    transport_.onLoop = [this](bool) { commands_.invokeDirectly(commands::toggleLoop, true); };
    arrangement_.onGenerate = [this] { commands_.invokeDirectly(commands::generate, true); };
    arrangement_.onVariation = [this] { commands_.invokeDirectly(commands::variation, true); };
    arrangement_.onMute = [this](int lane, bool m) { editLane(lane, m ? "Mute" : "Unmute", [=](SongState& s) { s.lanes[size_t(lane)].mute = m; }); };
    arrangement_.onSolo = [this](int lane, bool v) { editLane(lane, v ? "Solo" : "Unsolo", [=](SongState& s) { s.lanes[size_t(lane)].solo = v; }); };
    arrangement_.onFreeze = [this](int lane) { toggleFreeze(lane); };
    arrangement_.canvas().onMoveClips = [this](const ClipSelection& clips, int bars, int lanes) { moveClipsBy(clips, bars, lanes); };
    arrangement_.canvas().onResizeClip = [this](ClipRef clip, int bars, bool passes) { resizeClipTo(clip, bars, passes); };
    arrangement_.canvas().onMoveSection = [this](int section, int to) {
        editArrangement("Move section", [=](Arrangement& a) { return moveSection(a, section, to); });
    };
    arrangement_.canvas().onSectionMenu = [this](int section) { showSectionMenu(section); };
    transport_.onTempo = [this](double bpm) {
        if (!editArrangement("Tempo", [bpm](Arrangement& a) { return setSongTempo(a, bpm); }))
            if (const auto& a = doc_.song().arrangement) // refused (out of range): the field shows the song's tempo again
                transport_.setSong(a->bpm, a->key, a->beatsPerBar);
    };
    transport_.onKey = [this](const std::string& key) { editArrangement("Key", [&key](Arrangement& a) { return setSongKey(a, key); }); };
    arrangement_.canvas().onSeek = [this](double bar) {
        if (const auto& a = doc_.song().arrangement)
            engine_.setPosition(std::int64_t(bar * a->beatsPerBar * engine_.sampleRate() * 60.0 / a->bpm));
    };
    arrangement_.canvas().onClipDoubleClicked = [this](int lane) {
        auto next = doc_.song();
        if (swapLaneLoop(next, lane, doc_.loops)) {
            next.arrangementRevision = doc_.newRevision();
            doc_.edit("Swap loop", std::move(next));
        }
    };
    arrangement_.canvas().onToggleClip = [this](int lane, int section) {
        auto next = doc_.song();
        toggleClipInSection(next, lane, section);
        next.arrangementRevision = doc_.newRevision();
        doc_.edit("Edit clip", std::move(next));
    };
    library_.onAddFolder = [this] { commands_.invokeDirectly(commands::addFolder, true); };
    library_.onCancelScan = [this] { scanner_.cancel(); };
    library_.table().setThumbnails(&doc_.thumbnails);
    library_.table().onAudition = [this](int row) {
        library_.table().selectRow(row);
        commands_.invokeDirectly(commands::audition, false);
    };
    audition_.onChanged = [this](const std::string& problem) { auditionChanged(problem); };
    renderPanel_.onRender = [this] { commands_.invokeDirectly(commands::render, true); };
    renderPanel_.onCancel = [this] { render_.cancel(); };
    renderPanel_.onChooseFolder = [this] { chooseRenderFolder(); };

    for (juce::Component* c : std::initializer_list<juce::Component*> { &transport_, &arrangement_, &library_, &renderPanel_ })
        addAndMakeVisible(c);
    addChildComponent(banner_);
    addChildComponent(mixer_);
    mixer_.onStripEdited = [this](StripRef ref, const ChannelStrip& next, const juce::String& what, bool continuing) {
        editStrip(ref, what, continuing, [&](ChannelStrip& s) { s = next; });
    };
    mixer_.onMute = arrangement_.onMute; // one lane switch, shown in both views
    mixer_.onSolo = arrangement_.onSolo;
    mixer_.onInsertClicked = [this](StripRef ref, int slot, juce::Component& button) { showInsertMenu(ref, slot, button); };
    mixer_.onSendClicked = [this](StripRef ref, int send, juce::Component& button) { showSendMenu(ref, send, button); };
    updateBanner();

    commands_.registerAllCommandsForTarget(this);
    commands_.setFirstCommandTarget(this);
    addKeyListener(commands_.getKeyMappings());
    setWantsKeyboardFocus(true);
    setSize(1280, 820);
    startTimerHz(30);
}

MainComponent::~MainComponent()
{
    stopTimer();
    engine_.stop();
    doc_.onSongChanged = nullptr;
    effectEditor_.reset();
    pluginEditor_.reset(); // before the engine's session and its instances
}

juce::String MainComponent::windowTitle() const
{
    const auto name = doc_.projectFile == juce::File() ? juce::String("Untitled") : doc_.projectFile.getFileNameWithoutExtension();
    return name + (doc_.dirty ? " *" : "") + " - LoopMind Studio";
}

void MainComponent::updateTitle()
{
    if (auto* window = dynamic_cast<juce::DocumentWindow*>(getTopLevelComponent()))
        window->setName(windowTitle());
}

void MainComponent::updateBanner()
{
    const bool none = !engine_.hasDevice();
    banner_.setText(none ? "No audio device: playback is off. Analysis, arranging, editing and rendering all work. (Options > Audio Settings)"
                         : juce::String(),
                    juce::dontSendNotification);
    banner_.setVisible(none);
    transport_.setPlaybackAvailable(!none);
    resized();
}

// ---- Audition ------------------------------------------------------------------------------------------

std::optional<ProjectTempo> MainComponent::projectTempo() const
{
    if (const auto& a = doc_.song().arrangement)
        return ProjectTempo { a->bpm, a->beatsPerBar };
    return std::nullopt;
}

void MainComponent::toggleAudition()
{
    const auto* loop = library_.table().loopAt(library_.table().selectedRow());
    if (loop == nullptr || (audition_.isActive() && loop->path == audition_.loopPath())) {
        audition_.stop();
        return;
    }
    if (!loop->ok) {
        library_.setStatus("Cannot audition " + juce::String::fromUTF8(loop->path.filename().string().c_str()) + ": it did not load.");
        return;
    }
    audition_.toggle(*loop, projectTempo());
}

void MainComponent::auditionChanged(const std::string& problem)
{
    library_.table().setAuditioning(audition_.loopPath());
    if (!problem.empty())
        library_.setStatus("Cannot audition: " + juce::String::fromUTF8(problem.c_str()));
    else if (audition_.isActive())
        library_.setStatus("Auditioning " + juce::String::fromUTF8(audition_.loopPath().filename().string().c_str())
                           + (projectTempo() ? " at the song's tempo" : "")
                           + (engine_.isPlaying() ? ", in from the next bar" : "")
                           + (engine_.hasDevice() ? ". Space, click or Escape stops it." : " (no audio device: nothing to hear)."));
    else
        library_.setStatus("Audition stopped.");
    commands_.commandStatusChanged();
}

// ---- Library -------------------------------------------------------------------------------------------

void MainComponent::addInputs(const std::vector<fs::path>& inputs)
{
    if (inputs.empty())
        return;
    if (scanning_) {
        queuedInputs_.insert(queuedInputs_.end(), inputs.begin(), inputs.end());
        return;
    }
    for (const auto& p : inputs)
        if (std::find(doc_.folders.begin(), doc_.folders.end(), p) == doc_.folders.end()) {
            doc_.folders.push_back(p);
            doc_.dirty = true; // the project keeps its library's folders: a new one is unsaved work
        }
    updateTitle();
    scanning_ = true;
    library_.setScanning(true);
    library_.setStatus("Scanning " + juce::String(int(inputs.size())) + " location(s)...");
    std::set<fs::path> known;
    for (const auto& [path, thumb] : doc_.thumbnails)
        known.insert(path);
    scanner_.start(
        inputs, std::move(known),
        [this](std::vector<LoopInfo> loops, bool cancelled) {
            const int found = int(loops.size());
            const int bad = int(std::count_if(loops.begin(), loops.end(), [](auto& l) { return !l.ok; }));
            for (const auto& l : loops)
                if (!l.ok)
                    log_.problem("library", juce::String::fromUTF8(l.error.value_or(l.path.string() + ": not loaded").c_str()));
            doc_.mergeLoops(std::move(loops));
            library_.table().setLoops(doc_.loops);
            library_.setStatus(juce::String(found) + " files scanned, " + juce::String(bad) + " with problems (listed in red)"
                               + (cancelled ? "; cancelled" : "") + ".");
        },
        [this](ThumbnailMap thumbnails) {
            doc_.thumbnails.merge(thumbnails);
            scanning_ = false;
            library_.setScanning(false);
            const int ok = int(std::count_if(doc_.loops.begin(), doc_.loops.end(), [](auto& l) { return l.ok; }));
            library_.setStatus(juce::String(ok) + " loops ready, " + juce::String(int(doc_.loops.size()) - ok) + " with problems.");
            library_.table().setThumbnails(&doc_.thumbnails);
            arrangement_.setSong(doc_.song(), &doc_.thumbnails);
            if (!queuedInputs_.empty())
                addInputs(std::exchange(queuedInputs_, {}));
            else if (onScanFinished)
                onScanFinished();
        });
}

void MainComponent::filesDropped(const juce::StringArray& files, int, int)
{
    dragging_ = false;
    repaint();
    std::vector<fs::path> inputs;
    for (const auto& f : files)
        inputs.push_back(pathFromText(f.toStdString()));
    addInputs(inputs);
}

// ---- Song ----------------------------------------------------------------------------------------------

bool MainComponent::generate(std::uint64_t seed)
{
    if (std::none_of(doc_.loops.begin(), doc_.loops.end(), [](auto& l) { return l.ok; })) {
        library_.setStatus("Nothing to arrange yet: add a folder of loops first.");
        return false;
    }
    // Arranging is a pure, fast function of the analysed loops; only the audio preparation is slow (background).
    doc_.edit("Generate", generateSong(doc_.loops, seed, engine_.sampleRate(), doc_.newRevision()));
    return true;
}

void MainComponent::variation()
{
    const auto seed = std::uint64_t(juce::Random::getSystemRandom().nextInt({ 1, 1000000 }));
    arrangement_.setSeedField(seed);
    generate(seed);
}

void MainComponent::editLane(int lane, const juce::String& name, std::function<void(SongState&)> change)
{
    auto next = doc_.song();
    if (lane < 0 || lane >= int(next.lanes.size()))
        return;
    change(next);
    doc_.edit(name, std::move(next));
}

void MainComponent::songChanged(const SongState& before)
{
    const auto& song = doc_.song();
    arrangement_.setSong(song, &doc_.thumbnails);
    if (song.arrangement)
        transport_.setSong(song.arrangement->bpm, song.arrangement->key, song.arrangement->beatsPerBar);
    else
        transport_.setSong(std::nullopt, std::nullopt, 4);
    if (song.arrangementRevision != before.arrangementRevision) {
        if (song.arrangement)
            sessions_.request(*song.arrangement, sessionRate_ = engine_.sampleRate(), freezeFolders());
        else
            engine_.load({}, 0);
        const auto tempoOf = [](const SongState& s) { return s.arrangement ? s.arrangement->bpm : 0.0; };
        if (tempoOf(song) != tempoOf(before)) {
            audition_.refresh(projectTempo()); // the audition follows the new project tempo
            if (tempoOf(song) > 0 && tempoOf(before) > 0) // the playhead keeps its bar when the new session comes
                tempoScale_ *= tempoOf(before) / tempoOf(song);
        }
    } else {
        applyMixerEdits(before);
        applyFreezeEdits(); // an unfreeze, or an undo or redo of a freeze
    }
    cancelStaleFreeze();
    if (mixerVisible_)
        showMixerOfSong();
    updateEffectEditor();
    updateTitle();
    commands_.commandStatusChanged();
}

void MainComponent::sessionReady(SessionBuilder::Built built)
{
    if (auto st = engine_.load(std::move(built.tracks), built.lengthInSamples, built.sampleRate, std::move(built.mixer)); !st)
        library_.setStatus("Playback could not be prepared: " + juce::String(st.error()));
    applyLaneMix();
    engine_.setLoop(0, built.lengthInSamples, looping_);
    if (const double scale = std::exchange(tempoScale_, 1.0); scale != 1.0) // a tempo change: the same bar, in new samples
        engine_.setPosition(std::llround(double(engine_.position()) * scale));
    if (std::exchange(playWhenReady_, false) && engine_.hasDevice()) {
        engine_.play();
        audition_.resyncToTransport();
    }
    for (const auto& p : built.problems) {
        library_.setStatus(juce::String::fromUTF8(p.c_str()));
        log_.problem("playback", juce::String::fromUTF8(p.c_str()));
    }
    for (const auto& p : engine_.mixerProblems()) // plug-ins that did not load, unknown effects, missing buses
        log_.problem("mixer", juce::String::fromUTF8(p.c_str()));
}

void MainComponent::applyLaneMix()
{
    const auto& lanes = doc_.song().lanes;
    for (int i = 0; i < int(lanes.size()); ++i) {
        engine_.setTrackMute(i, lanes[size_t(i)].mute);
        engine_.setTrackSolo(i, lanes[size_t(i)].solo);
    }
}

// ---- Render --------------------------------------------------------------------------------------------

std::string MainComponent::startRender()
{
    if (!doc_.song().arrangement) {
        renderPanel_.showMessage("Generate an arrangement first.", true);
        return "no arrangement";
    }
    recordPluginStates(); // the render plays what the producer hears, plug-in settings included
    // The renderer gets its own copy with mute/solo applied: it never touches the live engine.
    auto song = *doc_.song().arrangement;
    const auto& lanes = doc_.song().lanes;
    const bool anySolo = std::any_of(lanes.begin(), lanes.end(), [](auto& l) { return l.solo; });
    for (int i = int(song.tracks.size()) - 1; i >= 0; --i)
        if (size_t(i) < lanes.size() && (lanes[size_t(i)].mute || (anySolo && !lanes[size_t(i)].solo)))
            song.tracks.erase(song.tracks.begin() + i);
    auto settings = renderPanel_.settings();
    settings.freezeFolders = freezeFolders(); // frozen tracks render from the files they play live
    auto problem = render_.start(std::move(song), std::move(settings), [this](RenderOutcome outcome) {
        if (!outcome.report.ok)
            log_.problem("render", juce::String(outcome.report.mixPath.string()) + ": " + juce::String(outcome.report.error));
        for (const auto& p : outcome.problems)
            log_.problem("render", juce::String::fromUTF8(p.c_str()));
        for (const auto& w : outcome.report.warnings)
            log_.problem("render", juce::String::fromUTF8(w.c_str()));
        renderPanel_.showOutcome(outcome);
        commands_.commandStatusChanged();
        if (onRenderFinished)
            onRenderFinished(outcome);
    });
    if (!problem.empty()) {
        renderPanel_.showMessage("Cannot render: " + juce::String(problem), true);
        log_.problem("render", "cannot render: " + juce::String(problem));
    } else {
        renderPanel_.setRunning(true);
    }
    commands_.commandStatusChanged();
    return problem;
}

// ---- Timer: transport, meters, progress ------------------------------------------------------------------

void MainComponent::timerCallback()
{
    autosaveIfDue();
    engine_.releaseRetiredSessions();
    if (scanning_)
        library_.setProgress(scanner_.progress());
    if (render_.isRunning())
        renderPanel_.setProgress(render_.progress(), render_.etaSeconds());
    if (freeze_.isRunning())
        arrangement_.setFreezing(freeze_.lane(), freeze_.progress());
    transport_.setPlaying(engine_.isPlaying() || playWhenReady_);
    const float masterPeak = engine_.masterMeter().takePeak();
    transport_.meter().setLevels(masterPeak, engine_.masterMeter().shortTermLufs());
    updateMixerMeters(masterPeak);
    const auto timing = engine_.callbackTiming();
    transport_.setDspLoad(engine_.hasDevice() ? std::optional<float>(timing.load) : std::nullopt, timing.overBudget);
    if (engine_.deviceChangeCount() != deviceChanges_) {
        // The device started, stopped, failed or was replaced: refresh the banner and what playback allows.
        deviceChanges_ = engine_.deviceChangeCount();
        if (!engine_.hasDevice()) {
            engine_.stop();
            playWhenReady_ = false;
        }
        updateBanner();
        commands_.commandStatusChanged();
    }
    if (engine_.sampleRate() != sessionRate_) {
        // The device changed rate: the engine plays silence until the loops are prepared again at the new one.
        sessionRate_ = engine_.sampleRate();
        if (const auto& a = doc_.song().arrangement)
            sessions_.request(*a, sessionRate_, freezeFolders());
        audition_.refresh(projectTempo());
    }
    if (const auto& a = doc_.song().arrangement) {
        const double rate = engine_.sampleRate(), seconds = double(engine_.position()) / rate;
        const double bar = seconds * a->bpm / 60.0 / a->beatsPerBar;
        arrangement_.setPlayheadBar(bar);
        transport_.setPosition(seconds, bar, a->beatsPerBar);
        if (engine_.isPlaying() && !looping_ && bar >= a->totalBars())
            engine_.stop();
    }
}

// ---- Layout ----------------------------------------------------------------------------------------------

void MainComponent::paint(juce::Graphics& g) { g.fillAll(theme::window); }

void MainComponent::paintOverChildren(juce::Graphics& g)
{
    if (!dragging_)
        return;
    g.setColour(theme::accent.withAlpha(0.15f));
    g.fillAll();
    g.setColour(theme::accent);
    g.drawRect(getLocalBounds(), 3);
    g.setFont(22.0f);
    g.drawText("Drop folders or loop files to add them to the library", getLocalBounds(), juce::Justification::centred);
}

void MainComponent::resized()
{
    auto area = getLocalBounds();
    transport_.setBounds(area.removeFromTop(46));
    if (banner_.isVisible())
        banner_.setBounds(area.removeFromTop(26));
    auto bottom = area.removeFromBottom(juce::jmax(220, area.getHeight() * 2 / 5));
    if (effectEditor_) // beside the mixer (or the arrangement): the song stays in view while an effect is edited
        effectEditor_->setBounds(area.removeFromRight(juce::jlimit(320, 440, area.getWidth() / 3)).reduced(4));
    if (pluginEditor_)
        pluginEditor_->setBounds(area.removeFromRight(juce::jlimit(320, 560, area.getWidth() / 3)).reduced(4));
    arrangement_.setBounds(area.reduced(4, 4));
    mixer_.setBounds(area.reduced(4, 4));
    renderPanel_.setBounds(bottom.removeFromRight(juce::jlimit(420, 560, bottom.getWidth() * 2 / 5)).reduced(4));
    library_.setBounds(bottom.reduced(4));
}

} // namespace loopmind
