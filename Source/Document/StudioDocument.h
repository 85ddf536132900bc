#pragma once
// What the user is working on: the library (folders, analysed loops, thumbnails) and the song (arrangement,
// per-lane mute/solo, seed). Every song change goes through edit(), so juce::UndoManager can undo it.
#include "Arrangement/Arrangement.h"
#include "Library/LoopInfo.h"
#include "Document/LoopThumbnail.h"
#include <juce_data_structures/juce_data_structures.h>
#include <functional>
#include <optional>

namespace loopmind {

struct LaneMix {
    bool mute = false, solo = false;
    bool operator==(const LaneMix&) const = default;
};

/** One undo step's worth of state: small enough to copy whole (an arrangement is a few kB). */
struct SongState {
    std::optional<Arrangement> arrangement;
    std::vector<LaneMix> lanes;       // one per arrangement track
    std::uint64_t seed = 1;
    int arrangementRevision = 0;      // bumped whenever tracks/clips change, so the engine knows to reload
};

class StudioDocument {
public:
    // Library (message thread).
    std::vector<std::filesystem::path> folders;
    std::vector<LoopInfo> loops;
    ThumbnailMap thumbnails;
    void mergeLoops(std::vector<LoopInfo> scanned); // replaces entries with the same path, keeps the rest

    // Song.
    const SongState& song() const { return song_; }
    /** Applies `next` as one undoable step named `name`. Set next.arrangementRevision via newRevision().
        continuing: part of the last step if that had the same name (a fader drag is one step, not hundreds). */
    void edit(const juce::String& name, SongState next, bool continuing = false);
    int newRevision() { return ++revisionCounter_; }
    juce::UndoManager& undoManager() { return undo_; }

    /** Replaces everything without undo (opening a project). */
    void reset(SongState song);

    /** Called after every change of the song, with the state before it. */
    std::function<void(const SongState& before)> onSongChanged;

    bool dirty = false;
    juce::File projectFile;

private:
    friend class SongEdit;
    void apply(const SongState& s);

    SongState song_;
    int revisionCounter_ = 0;
    juce::UndoManager undo_ { 0, 200 };
};

} // namespace loopmind
