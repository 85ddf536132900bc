// Stem freeze in the app: a lane's track is rendered with its inserts on FreezeTask's thread while playback goes
// on; when it is done the engine swaps it in at a block boundary (AudioEngine::swapInFrozenTrack) and the song
// records tracks[].frozen as one undo step, without a session rebuild. Unfreezing, and undoing or redoing a
// freeze, rebuild the session with the track live or frozen (from its freeze file). An edit of the track while it
// freezes cancels the freeze.
#include "App/MainComponent.h"
#include "Core/UserFolders.h"

namespace loopmind {

std::vector<std::filesystem::path> MainComponent::freezeFolders() const
{
    std::vector<std::filesystem::path> folders;
    if (doc_.projectFile != juce::File())
        folders.push_back(std::filesystem::path(doc_.projectFile.getParentDirectory().getFullPathName().toStdString()) / "Frozen");
    folders.push_back(userCacheFolder() / "frozen"); // an unsaved song's freezes, found again after it is saved
    return folders;
}

void MainComponent::toggleFreeze(int lane)
{
    const auto& a = doc_.song().arrangement;
    if (!a || lane < 0 || lane >= int(a->tracks.size()))
        return;
    const auto name = juce::String::fromUTF8(a->tracks[size_t(lane)].name.c_str());
    if (a->tracks[size_t(lane)].frozen) {
        auto next = doc_.song();
        next.arrangement->tracks[size_t(lane)].frozen = false;
        doc_.edit("Unfreeze " + name, std::move(next)); // songChanged rebuilds the session with the track live
        return;
    }
    if (freeze_.isRunning()) {
        if (freeze_.lane() == lane)
            freeze_.cancel();
        else
            library_.setStatus("One freeze at a time: '" + name + "' waits until the running one ends.");
        return;
    }
    recordPluginStates(); // the freeze renders what the producer hears, plug-in settings included
    freezeStart_ = doc_.song();
    freeze_.start(*doc_.song().arrangement, lane, engine_.sampleRate(), freezeFolders(), [this](FreezeTask::Done d) { freezeFinished(d); });
    arrangement_.setFreezing(lane, 0.0);
    library_.setStatus("Freezing '" + name + "'...");
    commands_.commandStatusChanged();
}

bool MainComponent::freezeIsStale(int lane) const
{
    // The track (its clips, loop, inserts) or a track its sidechains hear changed since the freeze began.
    const auto& now = doc_.song();
    if (!freezeStart_ || !now.arrangement || now.arrangementRevision != freezeStart_->arrangementRevision)
        return true;
    const auto& was = *freezeStart_->arrangement;
    if (lane < 0 || lane >= int(now.arrangement->tracks.size()) || now.arrangement->tracks.size() != was.tracks.size())
        return lane >= 0;
    const auto& track = now.arrangement->tracks[size_t(lane)];
    if (!sameSettings(track.strip, was.tracks[size_t(lane)].strip) || track.gainDb != was.tracks[size_t(lane)].gainDb)
        return true;
    for (const auto& slot : track.strip.inserts)
        for (size_t i = 0; i < was.tracks.size(); ++i)
            if (!slot.sidechainTrack.empty() && was.tracks[i].name == slot.sidechainTrack
                && !sameSettings(was.tracks[i].strip, now.arrangement->tracks[i].strip))
                return true;
    return false;
}

void MainComponent::cancelStaleFreeze()
{
    if (freeze_.isRunning() && freezeIsStale(freeze_.lane()))
        freeze_.cancel();
}

void MainComponent::freezeFinished(const FreezeTask::Done& done)
{
    arrangement_.setFreezing(-1, -1.0);
    const auto& a = doc_.song().arrangement;
    const bool stale = done.cancelled || freezeIsStale(done.lane);
    if (!done.error.empty())
        log_.problem("freeze", juce::String::fromUTF8(done.error.c_str()));
    if (stale || done.audio == nullptr) {
        library_.setStatus(done.audio == nullptr && !done.cancelled ? "The track could not be frozen: " + juce::String::fromUTF8(done.error.c_str())
                                                                    : juce::String("Freeze cancelled: the track changed, or Escape was pressed."));
    } else if (auto st = engine_.swapInFrozenTrack(done.lane, done.audio); !st) {
        library_.setStatus("The frozen track could not be played: " + juce::String(st.error()));
        log_.problem("freeze", juce::String(st.error()));
    } else {
        auto next = doc_.song();
        next.arrangement->tracks[size_t(done.lane)].frozen = true; // same revision: the engine already plays it
        doc_.edit("Freeze " + juce::String::fromUTF8(a->tracks[size_t(done.lane)].name.c_str()), std::move(next));
        library_.setStatus("Frozen: '" + juce::String::fromUTF8(a->tracks[size_t(done.lane)].name.c_str()) + "' plays its rendered audio.");
    }
    freezeStart_.reset();
    commands_.commandStatusChanged();
    if (onFreezeFinished)
        onFreezeFinished();
}

void MainComponent::applyFreezeEdits()
{
    const auto& a = doc_.song().arrangement;
    if (!a)
        return;
    for (int lane = 0; lane < int(a->tracks.size()); ++lane)
        if (a->tracks[size_t(lane)].frozen != engine_.isTrackFrozen(lane)) {
            sessions_.request(*a, sessionRate_ = engine_.sampleRate(), freezeFolders());
            return;
        }
}

} // namespace loopmind
