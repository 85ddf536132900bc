#include "Document/ClipEdits.h"
#include <algorithm>
#include <map>
#include <set>

namespace loopmind {

namespace {

bool validLane(const Arrangement& a, int lane) { return lane >= 0 && lane < int(a.tracks.size()); }
bool validRef(const Arrangement& a, ClipRef r) { return validLane(a, r.lane) && r.clip >= 0 && r.clip < int(a.tracks[size_t(r.lane)].clips.size()); }

/** Sorted and non-overlapping inside the song, on every lane. */
bool clipsFit(const Arrangement& a)
{
    const int total = a.totalBars();
    for (const auto& t : a.tracks) {
        for (size_t i = 0; i < t.clips.size(); ++i) {
            const auto& c = t.clips[i];
            if (c.bars < 1 || c.startBar < 0 || c.startBar + c.bars > total)
                return false;
            if (i > 0 && t.clips[i - 1].startBar + t.clips[i - 1].bars > c.startBar)
                return false;
        }
    }
    return true;
}

void sortLane(ArrangementTrack& t)
{
    std::stable_sort(t.clips.begin(), t.clips.end(), [](const auto& x, const auto& y) { return x.startBar < y.startBar; });
}

/** Where each added clip ended up after sorting. */
ClipSelection locate(const Arrangement& a, const std::vector<std::pair<int, ArrangementClip>>& added)
{
    ClipSelection out;
    for (const auto& [lane, clip] : added) {
        const auto& clips = a.tracks[size_t(lane)].clips;
        for (size_t i = 0; i < clips.size(); ++i)
            if (clips[i].startBar == clip.startBar && clips[i].bars == clip.bars) {
                out.push_back({ lane, int(i) });
                break;
            }
    }
    return out;
}

/** Removes the selected clips and returns them with their lanes; the selection must be valid. */
std::vector<std::pair<int, ArrangementClip>> takeClips(Arrangement& a, ClipSelection clips)
{
    std::sort(clips.begin(), clips.end());
    clips.erase(std::unique(clips.begin(), clips.end()), clips.end());
    std::vector<std::pair<int, ArrangementClip>> taken;
    for (auto r = clips.rbegin(); r != clips.rend(); ++r) { // from the back: earlier indices stay valid
        auto& lane = a.tracks[size_t(r->lane)].clips;
        taken.emplace_back(r->lane, lane[size_t(r->clip)]);
        lane.erase(lane.begin() + r->clip);
    }
    return taken;
}

/** Puts clips in (as the producer's), sorts, and keeps the change only if everything still fits. */
bool placeClips(Arrangement& a, const Arrangement& before, const std::vector<std::pair<int, ArrangementClip>>& added, ClipSelection* where)
{
    for (const auto& [lane, clip] : added) {
        auto c = clip;
        c.reason = {};
        a.tracks[size_t(lane)].clips.push_back(c);
    }
    for (auto& t : a.tracks)
        sortLane(t);
    if (!clipsFit(a)) {
        a = before;
        return false;
    }
    if (where != nullptr)
        *where = locate(a, added);
    return true;
}

} // namespace

int clipAtBar(const Arrangement& a, int lane, double bar)
{
    if (!validLane(a, lane))
        return -1;
    const auto& clips = a.tracks[size_t(lane)].clips;
    for (size_t i = 0; i < clips.size(); ++i)
        if (bar >= clips[i].startBar && bar < clips[i].startBar + clips[i].bars)
            return int(i);
    return -1;
}

ClipSelection clipsInArea(const Arrangement& a, int firstLane, int lastLane, double startBar, double endBar)
{
    ClipSelection out;
    for (int lane = std::max(0, std::min(firstLane, lastLane)); lane <= std::max(firstLane, lastLane) && validLane(a, lane); ++lane) {
        const auto& clips = a.tracks[size_t(lane)].clips;
        for (size_t i = 0; i < clips.size(); ++i)
            if (clips[i].startBar < std::max(startBar, endBar) && clips[i].startBar + clips[i].bars > std::min(startBar, endBar))
                out.push_back({ lane, int(i) });
    }
    return out;
}

bool moveClips(Arrangement& a, const ClipSelection& clips, int deltaBars, int deltaLanes, ClipSelection* moved)
{
    if (clips.empty() || !std::all_of(clips.begin(), clips.end(), [&](auto r) { return validRef(a, r); }))
        return false;
    for (const auto& r : clips) // a clip plays its lane's loop: it may only move to a lane of the same role
        if (!validLane(a, r.lane + deltaLanes) || a.tracks[size_t(r.lane + deltaLanes)].role != a.tracks[size_t(r.lane)].role)
            return false;
    const auto before = a;
    auto taken = takeClips(a, clips);
    for (auto& [lane, clip] : taken) {
        lane += deltaLanes;
        clip.startBar += deltaBars;
    }
    return placeClips(a, before, taken, moved);
}

bool resizeClip(Arrangement& a, ClipRef r, int bars, bool snapToPasses)
{
    if (!validRef(a, r))
        return false;
    const auto& t = a.tracks[size_t(r.lane)];
    if (snapToPasses) {
        const int passBars = std::max(1, (std::max(1, t.loopBeats) + a.beatsPerBar - 1) / a.beatsPerBar);
        bars = std::max(passBars, (bars + passBars / 2) / passBars * passBars);
    }
    if (bars < 1 || bars == t.clips[size_t(r.clip)].bars)
        return false;
    const auto before = a;
    auto taken = takeClips(a, { r });
    taken[0].second.bars = bars;
    return placeClips(a, before, taken, nullptr);
}

bool splitClips(Arrangement& a, ClipSelection clips, int bar)
{
    if (clips.empty())
        for (int lane = 0; lane < int(a.tracks.size()); ++lane)
            if (const int c = clipAtBar(a, lane, bar); c >= 0)
                clips.push_back({ lane, c });
    clips.erase(std::remove_if(clips.begin(), clips.end(), [&](auto r) {
                    if (!validRef(a, r))
                        return true;
                    const auto& c = a.tracks[size_t(r.lane)].clips[size_t(r.clip)];
                    return bar <= c.startBar || bar >= c.startBar + c.bars;
                }),
                clips.end());
    if (clips.empty())
        return false;
    const auto before = a;
    auto taken = takeClips(a, clips);
    std::vector<std::pair<int, ArrangementClip>> halves;
    for (const auto& [lane, c] : taken) {
        halves.push_back({ lane, { c.startBar, bar - c.startBar, {} } });
        halves.push_back({ lane, { bar, c.startBar + c.bars - bar, {} } }); // the loop starts again here
    }
    return placeClips(a, before, halves, nullptr);
}

bool duplicateClips(Arrangement& a, const ClipSelection& clips, ClipSelection* copies)
{
    if (clips.empty() || !std::all_of(clips.begin(), clips.end(), [&](auto r) { return validRef(a, r); }))
        return false;
    int first = a.totalBars(), end = 0;
    std::vector<std::pair<int, ArrangementClip>> added;
    for (const auto& r : clips) {
        const auto& c = a.tracks[size_t(r.lane)].clips[size_t(r.clip)];
        first = std::min(first, c.startBar);
        end = std::max(end, c.startBar + c.bars);
        added.emplace_back(r.lane, c);
    }
    for (auto& [lane, c] : added)
        c.startBar += end - first;
    const auto before = a;
    return placeClips(a, before, added, copies);
}

bool deleteClips(Arrangement& a, const ClipSelection& clips)
{
    if (clips.empty() || !std::all_of(clips.begin(), clips.end(), [&](auto r) { return validRef(a, r); }))
        return false;
    takeClips(a, clips);
    return true;
}

ClipClipboard copyClips(const Arrangement& a, const ClipSelection& clips)
{
    ClipClipboard board;
    int firstBar = a.totalBars();
    board.firstLane = int(a.tracks.size());
    for (const auto& r : clips)
        if (validRef(a, r)) {
            firstBar = std::min(firstBar, a.tracks[size_t(r.lane)].clips[size_t(r.clip)].startBar);
            board.firstLane = std::min(board.firstLane, r.lane);
        }
    for (const auto& r : clips)
        if (validRef(a, r)) {
            auto c = a.tracks[size_t(r.lane)].clips[size_t(r.clip)];
            c.startBar -= firstBar;
            board.entries.push_back({ r.lane - board.firstLane, c, a.tracks[size_t(r.lane)].role });
        }
    return board;
}

bool pasteClips(Arrangement& a, const ClipClipboard& board, int bar, int lane, ClipSelection* pasted)
{
    if (board.entries.empty())
        return false;
    const int firstLane = lane >= 0 ? lane : board.firstLane;
    std::vector<std::pair<int, ArrangementClip>> added;
    for (const auto& e : board.entries) {
        const int target = firstLane + e.laneOffset;
        if (!validLane(a, target) || a.tracks[size_t(target)].role != e.role)
            return false;
        auto c = e.clip;
        c.startBar += bar;
        added.emplace_back(target, c);
    }
    const auto before = a;
    return placeClips(a, before, added, pasted);
}

} // namespace loopmind
