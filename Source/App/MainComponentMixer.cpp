// The mixer view's side of MainComponent: strip edits and insert changes become undoable song edits; the song's
// change then reaches the engine (AudioEngine::setStrip: live for levels and parameters, a session rebuild off the
// audio thread for inserts and routing), the mixer view and an open effect editor.
#include "App/MainComponent.h"
#include "Effects/EffectFactory.h"
#include "UI/AsyncCallback.h"

namespace loopmind {

namespace {
ChannelStrip* stripOf(Arrangement& a, StripRef ref) { return findStrip(a.tracks, a.mixer, ref); }
const ChannelStrip* stripOf(const Arrangement& a, StripRef ref) { return findStrip(a.tracks, a.mixer, ref); }

juce::String stripName(const Arrangement& a, StripRef ref)
{
    switch (ref.kind) {
    case StripRef::Kind::track: return juce::String(a.tracks[size_t(ref.index)].name);
    case StripRef::Kind::returnBus: return "return " + juce::String(a.mixer.returns[size_t(ref.index)].name);
    case StripRef::Kind::group: return "group " + juce::String(a.mixer.groups[size_t(ref.index)].name);
    case StripRef::Kind::master: return "master";
    }
    return {};
}
} // namespace

void MainComponent::setMixerVisible(bool visible)
{
    mixerVisible_ = visible;
    arrangement_.setVisible(!visible);
    mixer_.setVisible(visible);
    if (visible)
        showMixerOfSong();
    resized();
    commands_.commandStatusChanged();
}

void MainComponent::showMixerOfSong()
{
    std::vector<MixerView::LaneSwitches> lanes;
    for (const auto& l : doc_.song().lanes)
        lanes.push_back({ l.mute, l.solo });
    const auto& a = doc_.song().arrangement;
    mixer_.show(a ? &*a : nullptr, lanes);
}

void MainComponent::editStrip(StripRef ref, const juce::String& name, bool continuing, const std::function<void(ChannelStrip&)>& change)
{
    auto next = doc_.song();
    if (!next.arrangement)
        return;
    auto* strip = stripOf(*next.arrangement, ref);
    if (strip == nullptr)
        return;
    change(*strip);
    doc_.edit(name, std::move(next), continuing);
}

void MainComponent::setInsert(StripRef ref, int slot, const std::string& type)
{
    editStrip(ref, "Insert " + juce::String(type), false, [&](ChannelStrip& s) {
        if (slot < int(s.inserts.size()))
            s.inserts[size_t(slot)] = EffectSlot { type, {}, false, {}, {} };
        else if (int(s.inserts.size()) < ChannelStrip::maxInserts)
            s.inserts.push_back({ type, {}, false, {}, {} });
    });
}

void MainComponent::removeInsert(StripRef ref, int slot)
{
    editStrip(ref, "Remove insert", false, [&](ChannelStrip& s) {
        if (slot < int(s.inserts.size()))
            s.inserts.erase(s.inserts.begin() + slot);
    });
}

void MainComponent::toggleInsertBypass(StripRef ref, int slot)
{
    editStrip(ref, "Bypass insert", false, [&](ChannelStrip& s) {
        if (slot < int(s.inserts.size()))
            s.inserts[size_t(slot)].bypassed = !s.inserts[size_t(slot)].bypassed;
    });
}

void MainComponent::openEffectEditor(StripRef ref, int slot)
{
    const auto& a = doc_.song().arrangement;
    const auto* strip = a ? stripOf(*a, ref) : nullptr;
    if (strip == nullptr || slot >= int(strip->inserts.size()))
        return;
    if (strip->inserts[size_t(slot)].type == EffectSlot::pluginType) {
        openPluginEditor(ref, slot);
        return;
    }
    if (!effects::effectTypes().contains(strip->inserts[size_t(slot)].type))
        return;
    closePluginEditor();
    const auto& insert = strip->inserts[size_t(slot)];
    effectEditor_ = std::make_unique<EffectEditorPanel>(stripName(*a, ref) + ": " + juce::String(insert.type), insert);
    editorRef_ = ref;
    editorSlot_ = slot;
    effectEditor_->onParameterChanged = [this](const std::string& id, double value, bool continuing) {
        const auto ref = editorRef_;
        const int slot = editorSlot_;
        editStrip(ref, "Effect parameter", continuing, [&](ChannelStrip& s) {
            if (slot < int(s.inserts.size()))
                s.inserts[size_t(slot)].parameters[id] = value;
        });
    };
    effectEditor_->onClosed = [this] { // not from inside the panel's own click: after it
        callAsyncIfAlive(*this, [this] {
            effectEditor_.reset();
            resized();
        });
    };
    addAndMakeVisible(*effectEditor_);
    resized();
}

void MainComponent::updateEffectEditor()
{
    // A plug-in editor shows a live instance: when a rebuild replaced it (undo, another insert), it closes.
    if (pluginEditor_) {
        auto* live = engine_.hostedPlugin(editorRef_, editorSlot_);
        if (live == nullptr || &live->instance() != &pluginEditor_->instance()) {
            pluginEditor_.reset();
            resized();
        }
    }
    if (!effectEditor_)
        return;
    const auto& a = doc_.song().arrangement;
    const auto* strip = a ? stripOf(*a, editorRef_) : nullptr;
    // The slot went away or changed type (undo, regenerate): the editor no longer shows anything of the song.
    if (strip == nullptr || editorSlot_ >= int(strip->inserts.size())
        || juce::String(strip->inserts[size_t(editorSlot_)].type) != effectEditor_->typeName()) {
        effectEditor_.reset();
        resized();
        return;
    }
    effectEditor_->show(strip->inserts[size_t(editorSlot_)]);
}

void MainComponent::showInsertMenu(StripRef ref, int slot, juce::Component& slotButton)
{
    const auto& a = doc_.song().arrangement;
    const auto* strip = a ? stripOf(*a, ref) : nullptr;
    if (strip == nullptr)
        return;
    const auto& types = effects::effectTypes();
    const bool exists = slot < int(strip->inserts.size());
    juce::PopupMenu menu, replace;
    constexpr int edit = 1, bypass = 2, remove = 3, firstType = 100, scan = 900, rescan = 901, find = 902, folders = 903,
                  firstPlugin = 1000;
    for (int i = 0; i < types.size(); ++i)
        replace.addItem(firstType + i, types[i]);
    std::vector<PluginReference> offered;
    replace.addSeparator();
    addPluginMenu(replace, firstPlugin, offered);
    replace.addItem(find, "Find a plug-in...");
    replace.addItem(scan, "Scan for plug-ins");
    replace.addItem(rescan, "Scan all plug-ins again");
    replace.addItem(folders, "Add a plug-in folder...");
    constexpr int noSidechain = 200, firstSidechain = 201;
    std::vector<std::string> keys; // tracks that can key a compressor: every track but this one
    if (exists) {
        const auto& insert = strip->inserts[size_t(slot)];
        menu.addItem(edit, "Edit...");
        menu.addItem(bypass, insert.bypassed ? "Turn on" : "Bypass");
        menu.addItem(remove, "Remove");
        if (insert.type == "compressor") {
            juce::PopupMenu sidechain;
            sidechain.addItem(noSidechain, "None (its own signal)", true, insert.sidechainTrack.empty());
            for (int t = 0; t < int(a->tracks.size()); ++t)
                if (!(ref.kind == StripRef::Kind::track && ref.index == t)) {
                    keys.push_back(a->tracks[size_t(t)].name);
                    sidechain.addItem(firstSidechain + int(keys.size()) - 1, juce::String(keys.back()), true, insert.sidechainTrack == keys.back());
                }
            menu.addSubMenu("Sidechain from", sidechain);
        }
        menu.addSeparator();
        menu.addSubMenu("Replace with", replace);
    } else {
        menu = replace;
    }
    menu.showMenuAsync(juce::PopupMenu::Options().withTargetComponent(&slotButton), [this, ref, slot, keys, offered](int chosen) {
        const auto& types = effects::effectTypes();
        if (chosen == scan || chosen == rescan)
            scanPlugins(chosen == rescan);
        else if (chosen == find)
            askForPluginSearch(ref, slot);
        else if (chosen == folders)
            choosePluginFolder();
        else if (chosen >= firstPlugin && chosen - firstPlugin < int(offered.size()))
            setPluginInsert(ref, slot, offered[size_t(chosen - firstPlugin)]);
        else if (chosen == noSidechain)
            setSidechain(ref, slot, {});
        else if (chosen >= firstSidechain && chosen - firstSidechain < int(keys.size()))
            setSidechain(ref, slot, keys[size_t(chosen - firstSidechain)]);
        else if (chosen == edit)
            openEffectEditor(ref, slot);
        else if (chosen == bypass)
            toggleInsertBypass(ref, slot);
        else if (chosen == remove)
            removeInsert(ref, slot);
        else if (chosen >= firstType && chosen - firstType < types.size())
            setInsert(ref, slot, types[chosen - firstType].toStdString());
    });
}

void MainComponent::setSend(StripRef ref, int send, int returnBus, bool preFader)
{
    editStrip(ref, "Send routing", false, [&](ChannelStrip& s) {
        if (send < int(s.sends.size())) {
            s.sends[size_t(send)].returnBus = returnBus;
            s.sends[size_t(send)].preFader = preFader;
        } else if (int(s.sends.size()) < ChannelStrip::maxSends) {
            s.sends.push_back({ returnBus, -12.0, preFader });
        }
    });
}

void MainComponent::removeSend(StripRef ref, int send)
{
    editStrip(ref, "Remove send", false, [&](ChannelStrip& s) {
        if (send < int(s.sends.size()))
            s.sends.erase(s.sends.begin() + send);
    });
}

void MainComponent::setSidechain(StripRef ref, int slot, const std::string& trackName)
{
    editStrip(ref, "Sidechain", false, [&](ChannelStrip& s) {
        if (slot < int(s.inserts.size()))
            s.inserts[size_t(slot)].sidechainTrack = trackName;
    });
}

void MainComponent::showSendMenu(StripRef ref, int send, juce::Component& button)
{
    const auto& a = doc_.song().arrangement;
    const auto* strip = a ? stripOf(*a, ref) : nullptr;
    if (strip == nullptr || a->mixer.returns.empty())
        return;
    const bool exists = send < int(strip->sends.size());
    const auto current = exists ? strip->sends[size_t(send)] : MixerSend {};
    juce::PopupMenu menu;
    constexpr int firstReturn = 1, preFader = 100, remove = 101;
    for (int r = 0; r < int(a->mixer.returns.size()); ++r)
        menu.addItem(firstReturn + r, "To " + juce::String(a->mixer.returns[size_t(r)].name), true, exists && current.returnBus == r);
    if (exists) {
        menu.addSeparator();
        menu.addItem(preFader, "Pre-fader", true, current.preFader);
        menu.addItem(remove, "Remove send");
    }
    const int returns = int(a->mixer.returns.size());
    menu.showMenuAsync(juce::PopupMenu::Options().withTargetComponent(&button), [this, ref, send, current, returns](int chosen) {
        if (chosen >= firstReturn && chosen - firstReturn < returns)
            setSend(ref, send, chosen - firstReturn, current.preFader);
        else if (chosen == preFader)
            setSend(ref, send, current.returnBus, !current.preFader);
        else if (chosen == remove)
            removeSend(ref, send);
    });
}

void MainComponent::applyMixerEdits(const SongState& before)
{
    // Same tracks (no new revision): strips that changed go to the engine; it rebuilds only what needs it.
    const auto& now = doc_.song().arrangement;
    if (!now || !before.arrangement)
        return;
    for (const auto ref : allStrips(now->tracks, now->mixer)) {
        const auto* next = stripOf(*now, ref);
        const auto* previous = stripOf(*before.arrangement, ref);
        if (next == nullptr || (previous != nullptr && sameSettings(*next, *previous)))
            continue;
        if (auto st = engine_.setStrip(ref, *next); !st)
            library_.setStatus("The mixer change could not be applied: " + juce::String(st.error()));
    }
    applyLaneMix(); // the lanes' mute and solo stay the engine's, whatever the strips say
}

void MainComponent::updateMixerMeters(float masterPeak)
{
    if (!mixerVisible_)
        return;
    mixer_.setPeaks([this](StripRef ref) { return ref.kind == StripRef::Kind::track ? engine_.takeTrackPeak(ref.index) : engine_.takeBusPeak(ref); },
                    masterPeak);
}

} // namespace loopmind
