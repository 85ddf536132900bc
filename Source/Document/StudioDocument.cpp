#include "Document/StudioDocument.h"
#include <map>

namespace loopmind {

/** Before/after snapshots: undo and redo are exact, whatever the edit was. */
class SongEdit final : public juce::UndoableAction {
public:
    SongEdit(StudioDocument& doc, SongState before, SongState after)
        : doc_(doc), before_(std::move(before)), after_(std::move(after)) {}
    bool perform() override { doc_.apply(after_); return true; }
    bool undo() override { doc_.apply(before_); return true; }
    int getSizeInUnits() override { return 1; }

private:
    StudioDocument& doc_;
    SongState before_, after_;
};

void StudioDocument::mergeLoops(std::vector<LoopInfo> scanned)
{
    std::map<std::filesystem::path, size_t> index;
    for (size_t i = 0; i < loops.size(); ++i)
        index[loops[i].path] = i;
    for (auto& l : scanned) {
        if (auto it = index.find(l.path); it != index.end())
            loops[it->second] = std::move(l);
        else {
            index[l.path] = loops.size();
            loops.push_back(std::move(l));
        }
    }
}

void StudioDocument::edit(const juce::String& name, SongState next, bool continuing)
{
    next.lanes.resize(next.arrangement ? next.arrangement->tracks.size() : 0);
    if (!continuing || undo_.getCurrentTransactionName() != name)
        undo_.beginNewTransaction(name);
    undo_.perform(new SongEdit(*this, song_, std::move(next)), name);
}

void StudioDocument::reset(SongState song)
{
    undo_.clearUndoHistory();
    song.lanes.resize(song.arrangement ? song.arrangement->tracks.size() : 0);
    song.arrangementRevision = newRevision();
    apply(song);
    dirty = false;
}

void StudioDocument::apply(const SongState& s)
{
    const SongState before = song_;
    song_ = s;
    dirty = true;
    if (onSongChanged)
        onSongChanged(before);
}

} // namespace loopmind
