#include "Document/SongEdits.h"
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/KeyRelation.h"
#include "Arrangement/SongLimits.h"
#include <algorithm>

namespace loopmind {

SongState generateSong(const std::vector<LoopInfo>& loops, std::uint64_t seed, double sampleRate, int newRevision)
{
    ArrangementRequest request;
    request.seed = seed;
    request.sampleRate = sampleRate;
    SongState s;
    s.arrangement = AIArrangementEngine().arrange(loops, request);
    s.lanes.assign(s.arrangement->tracks.size(), {});
    s.seed = seed;
    s.arrangementRevision = newRevision;
    return s;
}

bool swapLaneLoop(SongState& song, int lane, const std::vector<LoopInfo>& loops)
{
    if (!song.arrangement || lane < 0 || lane >= int(song.arrangement->tracks.size()))
        return false;
    auto& a = *song.arrangement;
    auto& t = a.tracks[size_t(lane)];
    std::vector<const LoopInfo*> candidates;
    for (const auto& l : loops)
        if (l.ok && l.role == t.role && l.bpm && AIArrangementEngine::beatsOnProjectGrid(l, a.bpm, a.beatsPerBar) > 0)
            candidates.push_back(&l);
    if (candidates.size() < 2)
        return false;
    std::sort(candidates.begin(), candidates.end(), [](auto* x, auto* y) { return x->path < y->path; });
    // The next one after the current loop, wrapping: repeated double-clicks walk through every option.
    auto it = std::find_if(candidates.begin(), candidates.end(), [&](auto* l) { return l->path == t.loopPath; });
    const auto* next = (it == candidates.end() || std::next(it) == candidates.end()) ? candidates.front() : *std::next(it);
    if (next->path == t.loopPath)
        return false;
    t.loopPath = next->path;
    t.loopBpm = *next->bpm;
    t.loopBeats = AIArrangementEngine::beatsOnProjectGrid(*next, a.bpm, a.beatsPerBar);
    t.loopKey = next->key;
    return true;
}

void toggleClipInSection(SongState& song, int lane, int section)
{
    if (!song.arrangement || lane < 0 || lane >= int(song.arrangement->tracks.size()) || section < 0
        || section >= int(song.arrangement->sections.size()))
        return;
    const auto& sec = song.arrangement->sections[size_t(section)];
    auto& clips = song.arrangement->tracks[size_t(lane)].clips;
    const int s0 = sec.startBar, s1 = sec.startBar + sec.bars;
    const auto inside = [&](const ArrangementClip& c) { return c.startBar < s1 && c.startBar + c.bars > s0; };
    if (std::any_of(clips.begin(), clips.end(), inside)) {
        // Trim or split clips so nothing sounds inside the section, keep what lies outside it.
        std::vector<ArrangementClip> kept;
        for (const auto& c : clips) {
            if (!inside(c)) { kept.push_back(c); continue; }
            if (c.startBar < s0) kept.push_back({ c.startBar, s0 - c.startBar });
            if (c.startBar + c.bars > s1) kept.push_back({ s1, c.startBar + c.bars - s1 });
        }
        clips = std::move(kept);
    } else {
        clips.push_back({ s0, sec.bars });
        std::sort(clips.begin(), clips.end(), [](auto& x, auto& y) { return x.startBar < y.startBar; });
    }
}

bool setSongTempo(Arrangement& a, double bpm)
{
    if (!(bpm >= 40.0 && bpm <= 240.0) || bpm == a.bpm)
        return false;
    const double before = a.bpm;
    a.bpm = bpm;
    if (songLimitProblem(a)) { // slower makes a long song longer than renders (Arrangement/SongLimits.h)
        a.bpm = before;
        return false;
    }
    return true;
}

bool setSongKey(Arrangement& a, const std::string& key)
{
    const auto from = a.key ? parseKey(*a.key) : std::nullopt;
    const auto to = parseKey(key);
    if (!from || !to || a.key == key)
        return false;
    // The new key in the old one's mode (its relative major or minor), then the nearest move of the tonic.
    int tonic = to->tonic;
    if (to->minor != from->minor)
        tonic = (tonic + (to->minor ? 3 : 9)) % 12;
    const auto wrapped = [](int semitones) { return ((semitones % 12) + 12 + 6) % 12 - 6; }; // -6..+5
    const int shift = wrapped(tonic - from->tonic);
    for (auto& t : a.tracks)
        if (t.loopKey) // unpitched loops (drums, most fx) stay as they are
            t.transpose = wrapped(t.transpose + shift);
    a.key = key;
    return true;
}

} // namespace loopmind
