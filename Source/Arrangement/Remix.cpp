#include "Arrangement/Remix.h"
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/ArrangementDistance.h"
#include "Arrangement/MixBalance.h"
#include "Arrangement/SectionGain.h"
#include "Core/DeterministicRandom.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace loopmind {

namespace {
const char* const roleOrder[] = { "drums", "bass", "chords", "melody", "fx", "vocal" };

/** The loop a track plays, as the arranger sees it (its loudness inferred back from the balanced gain). */
LoopInfo loopOfTrack(const ArrangementTrack& t, const Arrangement& a)
{
    LoopInfo l;
    l.path = t.loopPath;
    l.ok = true;
    l.role = t.role;
    l.bpm = t.loopBpm;
    l.key = t.loopKey;
    l.sampleRate = a.sampleRate;
    l.channels = 2;
    const double octave = AIArrangementEngine::stretchRatio(l, a.bpm) * a.bpm / t.loopBpm;
    l.durationSeconds = double(t.loopBeats) / octave * 60.0 / t.loopBpm;
    l.lufs = roleTargetLufs(t.role) - t.gainDb;
    return l;
}

/** A song under construction: per loop, per bar, which song the cell comes from (0 silent, 1 base, 2 target). */
struct Blend {
    const Arrangement* base = nullptr;
    const Arrangement* target = nullptr;
    std::map<std::string, std::vector<char>> cells;
};

struct Unit { std::string path; int first = 0; };

bool playsAt(const Arrangement& a, const std::string& path, int bar)
{
    for (const auto& t : a.tracks)
        if (t.loopPath.string() == path)
            for (const auto& c : t.clips)
                if (bar >= c.startBar && bar < c.startBar + c.bars) return true;
    return false;
}

/** The blend that reaches the requested distance best as units of the target are copied in, in a seeded order. */
struct Candidate {
    Blend blend;
    double measured = 0;
};

Candidate bestBlend(const Arrangement& source, const Arrangement& base, const Arrangement& target, double wanted, DeterministicRandom& random)
{
    const int bars = source.totalBars();
    const CellSet sourceCells = playedCells(source);
    const double sections = (1.0 - cellWeight) * sectionDistance(source, base);
    Blend blend { &base, &target, {} };
    std::set<std::string> paths;
    for (const auto* a : { &base, &target })
        for (const auto& t : a->tracks) paths.insert(t.loopPath.string());
    for (const auto& p : paths) {
        auto& row = blend.cells[p];
        row.assign(size_t(bars), 0);
        for (int b = 0; b < bars; ++b) row[size_t(b)] = playsAt(base, p, b) ? 1 : 0;
    }
    // Units: 4-bar blocks of one loop where base and target differ in what plays.
    std::vector<Unit> units;
    for (const auto& p : paths)
        for (int first = 0; first < bars; first += 4)
            for (int b = first; b < std::min(bars, first + 4); ++b)
                if ((blend.cells[p][size_t(b)] != 0) != playsAt(target, p, b)) { units.push_back({ p, first }); break; }
    for (size_t i = units.size(); i > 1; --i) std::swap(units[i - 1], units[size_t(random.nextBelow(i))]);

    size_t shared = 0, mixSize = 0;
    for (const auto& [p, row] : blend.cells)
        for (int b = 0; b < bars; ++b)
            if (row[size_t(b)]) { ++mixSize; shared += sourceCells.count({ p, b }); }
    auto distance = [&] {
        const size_t either = sourceCells.size() + mixSize - shared;
        return (either == 0 ? 0.0 : cellWeight * double(either - shared) / double(either)) + sections;
    };
    std::vector<int> playing(size_t(bars), 0); // loops playing per bar: a unit that would leave a bar silent is skipped
    for (const auto& [p, row] : blend.cells)
        for (int b = 0; b < bars; ++b) playing[size_t(b)] += row[size_t(b)] != 0;
    Candidate best { blend, distance() };
    for (const auto& u : units) {
        auto& row = blend.cells[u.path];
        bool silences = false;
        for (int b = u.first; b < std::min(bars, u.first + 4); ++b)
            silences = silences || (row[size_t(b)] != 0 && !playsAt(target, u.path, b) && playing[size_t(b)] == 1);
        if (silences)
            continue;
        for (int b = u.first; b < std::min(bars, u.first + 4); ++b) {
            playing[size_t(b)] += int(playsAt(target, u.path, b)) - int(row[size_t(b)] != 0);
            const bool was = row[size_t(b)] != 0, now = playsAt(target, u.path, b);
            const bool inSource = sourceCells.count({ u.path, b }) > 0;
            if (was && !now) { --mixSize; shared -= inSource; }
            if (!was && now) { ++mixSize; shared += inSource; }
            row[size_t(b)] = now ? 2 : 0;
        }
        const double d = distance();
        if (std::abs(d - wanted) < std::abs(best.measured - wanted) - 1e-12) best = { blend, d };
    }
    return best;
}

const ArrangementTrack* trackOf(const Arrangement& a, const std::string& path)
{
    for (const auto& t : a.tracks)
        if (t.loopPath.string() == path) return &t;
    return nullptr;
}

PlacementReason reasonAt(const Arrangement& a, const std::string& path, int bar)
{
    if (const auto* t = trackOf(a, path))
        for (const auto& c : t->clips)
            if (bar >= c.startBar && bar < c.startBar + c.bars) return c.reason;
    return { "remix", 0, "", 0 };
}

/** The blend as a song on the base's sections: one track per loop, clips split at sections and at changes of origin. */
Arrangement songOf(const Blend& blend, const Arrangement& source, const std::map<std::string, LoopInfo>& pool)
{
    Arrangement out = source;
    out.sections = blend.base->sections;
    out.tracks.clear();
    out.excluded.clear();
    std::vector<double> loudness;
    std::map<std::string, int> perRole;
    for (const char* role : roleOrder) {
        std::vector<std::pair<int, std::string>> loops; // (first bar, path): tracks in the order they enter
        for (const auto& [path, row] : blend.cells) {
            const auto* t = trackOf(*blend.base, path) ? trackOf(*blend.base, path) : trackOf(*blend.target, path);
            const auto first = std::find_if(row.begin(), row.end(), [](char c) { return c != 0; });
            if (t->role == role && first != row.end()) loops.push_back({ int(first - row.begin()), path });
        }
        std::sort(loops.begin(), loops.end());
        for (const auto& [firstBar, path] : loops) {
            const auto& row = blend.cells.at(path);
            ArrangementTrack t = trackOf(*blend.base, path) ? *trackOf(*blend.base, path) : *trackOf(*blend.target, path);
            t.name = std::string(role) + " " + std::to_string(++perRole[role]);
            t.clips.clear();
            for (const auto& s : out.sections)
                for (int b = s.startBar; b < s.startBar + s.bars;) {
                    if (!row[size_t(b)]) { ++b; continue; }
                    const auto& from = row[size_t(b)] == 1 ? *blend.base : *blend.target;
                    auto reason = reasonAt(from, path, b);
                    int e = b + 1;
                    while (e < s.startBar + s.bars && row[size_t(e)] == row[size_t(b)] && reasonAt(from, path, e).rule == reason.rule) ++e;
                    reason.energy = s.energy;
                    t.clips.push_back({ b, e - b, reason });
                    b = e;
                }
            const auto& l = pool.at(path);
            const bool measured = l.lufs && std::isfinite(*l.lufs) && *l.lufs > -70.0;
            loudness.push_back((measured ? *l.lufs : -10.0) + t.gainDb);
            out.tracks.push_back(std::move(t));
        }
    }
    applySectionGains(out, loudness);
    for (const auto& [path, l] : pool)
        if (!trackOf(out, path) && trackOf(source, path))
            out.excluded.push_back({ l.path, "in the source song, not used in this remix" });
    for (const auto& e : source.excluded)
        if (!trackOf(out, e.path.string())) out.excluded.push_back(e);
    std::sort(out.excluded.begin(), out.excluded.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
    return out;
}
} // namespace

RemixResult remixArrangement(const Arrangement& source, const RemixRequest& request)
{
    const double wanted = std::clamp(request.distance, 0.0, 1.0);
    if (wanted == 0)
        return { source, 0.0, "distance 0: the song itself" };

    std::map<std::string, LoopInfo> pool; // by path: the song's loops, then the extra ones
    std::set<std::string> used;
    for (const auto& t : source.tracks) {
        pool.emplace(t.loopPath.string(), loopOfTrack(t, source));
        used.insert(t.loopPath.string());
    }
    for (const auto& l : request.extraLoops)
        if (l.ok) pool.emplace(l.path.string(), l);
    std::vector<LoopInfo> all, fresh; // fresh: loops the song does not use, its own only for roles with nothing new
    std::set<std::string> freshRoles;
    for (const auto& [path, l] : pool) {
        all.push_back(l);
        if (!used.count(path) && l.role) { fresh.push_back(l); freshRoles.insert(*l.role); }
    }
    for (const auto& [path, l] : pool)
        if (used.count(path) && l.role && !freshRoles.count(*l.role)) fresh.push_back(l);

    auto style = loadStyle(source.style.empty() ? std::string("house") : source.style);
    ArrangementRequest base;
    base.bpm = source.bpm;
    base.key = source.key;
    base.sampleRate = source.sampleRate;
    base.style = style ? style.value() : builtInHouseStyle();
    DeterministicRandom random(request.seed ^ 0x5EEDull);
    // Targets: the same sections with other layers (all loops), with fresh loops, and a new section order.
    auto sameSections = base, freshSections = base, newOrder = base;
    sameSections.seed = random.nextU64() >> 1;
    sameSections.sections = source.sections;
    freshSections.seed = random.nextU64() >> 1;
    freshSections.sections = source.sections;
    newOrder.bars = source.totalBars();
    const AIArrangementEngine engine;
    const auto near = engine.arrange(all, sameSections);
    const auto far = engine.arrange(fresh, freshSections);
    Arrangement reordered; // of four seeded section plans, the one whose order differs most from the song's
    for (int attempt = 0; attempt < 4; ++attempt) {
        newOrder.seed = random.nextU64() >> 1;
        auto a = engine.arrange(fresh, newOrder);
        if (attempt == 0 || sectionDistance(source, a) > sectionDistance(source, reordered)) reordered = std::move(a);
    }

    // Each candidate blends from a base song toward a target; the nearest to the request wins (the first on ties).
    const std::pair<const Arrangement*, const Arrangement*> blends[] = { { &source, &near }, { &source, &far }, { &reordered, &source } };
    Candidate best;
    best.measured = -1;
    for (const auto& [from, to] : blends) {
        auto c = bestBlend(source, *from, *to, wanted, random);
        if (best.measured < 0 || std::abs(c.measured - wanted) < std::abs(best.measured - wanted) - 1e-12) best = std::move(c);
    }
    RemixResult result;
    result.arrangement = songOf(best.blend, source, pool);
    result.arrangement.seed = request.seed;
    result.arrangement.remixSourceSeed = source.seed;
    result.arrangement.remixDistance = wanted;
    result.measured = arrangementDistance(source, result.arrangement);
    result.arrangement.remixMeasured = std::round(result.measured * 10000) / 10000;
    std::ostringstream note;
    note << "remix at distance " << wanted << ": measured " << result.arrangement.remixMeasured
         << (best.blend.base == &source ? " (the song's sections kept)" : " (a new section order)");
    if (std::abs(result.measured - wanted) > 0.05)
        note << "; the loops available do not allow closer (give more loops to reach further)";
    result.note = note.str();
    return result;
}

} // namespace loopmind
