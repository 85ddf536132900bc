#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/KeyRelation.h"
#include "Arrangement/SectionPlan.h"
#include "Core/DeterministicRandom.h"
#include "Core/PathText.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace loopmind {

namespace {
std::string formatBpm(double bpm)
{
    std::ostringstream s;
    s.precision(4);
    s << bpm;
    return s.str();
}

/** The tempo most loops agree on (rounded to 0.5 BPM, tempi an octave apart counted together). */
double commonTempo(const std::vector<const LoopInfo*>& loops)
{
    std::map<double, int> votes;
    for (const auto* l : loops) {
        double b = *l->bpm;
        while (b < 80) b *= 2; // fold half/double time into one octave so 62 and 124 vote together
        while (b >= 160) b /= 2;
        votes[std::round(b * 2) / 2] += 1;
    }
    double best = 120;
    int bestVotes = 0;
    for (const auto& [bpm, n] : votes) // std::map iterates in tempo order: ties go to the slower tempo
        if (n > bestVotes) { best = bpm; bestVotes = n; }
    return best;
}

std::optional<std::string> commonKey(const std::vector<const LoopInfo*>& loops)
{
    std::map<std::string, int> votes;
    for (const auto* l : loops)
        if (l->key && *l->key != "none")
            votes[*l->key] += 1;
    std::optional<std::string> best;
    int bestVotes = 0;
    for (const auto& [key, n] : votes)
        if (n > bestVotes) { best = key; bestVotes = n; }
    return best;
}
} // namespace

double AIArrangementEngine::stretchRatio(const LoopInfo& loop, double bpm)
{
    if (!loop.bpm || !(*loop.bpm > 0) || !(bpm > 0))
        return 0;
    // Octave correction: a 62 BPM loop in a 124 project is half-time, played one to one (its beats count double).
    double best = 0;
    for (double octave : { 0.25, 0.5, 1.0, 2.0, 4.0 }) {
        const double ratio = *loop.bpm * octave / bpm; // new length / old length
        if (best == 0 || std::abs(std::log(ratio)) < std::abs(std::log(best)))
            best = ratio;
    }
    return best;
}

int AIArrangementEngine::beatsOnProjectGrid(const LoopInfo& loop, double bpm, int beatsPerBar)
{
    const double ratio = stretchRatio(loop, bpm);
    if (ratio < minStretchRatio || ratio > maxStretchRatio)
        return 0;
    // The loop's own beats come from its own tempo; stretching maps them one to one onto project beats
    // (times the octave factor).
    const double ownBeats = loop.durationSeconds * *loop.bpm / 60.0;
    const double whole = std::round(ownBeats);
    if (whole < 1 || std::abs(ownBeats - whole) > 0.01 * whole)
        return 0;
    const double projectBeats = whole * ratio * bpm / *loop.bpm;
    const double n = std::round(projectBeats);
    if (n < 1 || std::abs(projectBeats - n) > 1e-6)
        return 0; // e.g. 3 beats of a double-time loop: half a beat in the project
    // Whole bars, or a fraction of a bar that tiles it (1, 2 beats in 4/4).
    if (int(n) % beatsPerBar == 0 || beatsPerBar % int(n) == 0)
        return int(n);
    return 0;
}

Arrangement AIArrangementEngine::arrange(const std::vector<LoopInfo>& loops, const ArrangementRequest& request) const
{
    Arrangement a;
    a.seed = request.seed;
    a.sampleRate = request.sampleRate;
    DeterministicRandom random(request.seed);

    // Stable order whatever order the files were found in.
    std::vector<const LoopInfo*> usable;
    for (const auto& l : loops)
        if (l.ok) usable.push_back(&l);
    std::sort(usable.begin(), usable.end(), [](auto* x, auto* y) { return x->path < y->path; });

    std::vector<const LoopInfo*> timed;
    for (const auto* l : usable) {
        if (!l->bpm)
            a.excluded.push_back({ l->path, "no tempo detected (a one-shot or arrhythmic material); one-shot placement is not supported yet" });
        else if (!l->role)
            a.excluded.push_back({ l->path, "role unknown (not drums, bass, chords, melody, fx or vocal)" });
        else
            timed.push_back(l);
    }
    a.bpm = request.bpm ? *request.bpm : (timed.empty() ? 120.0 : commonTempo(timed));

    std::vector<const LoopInfo*> fitting;
    for (const auto* l : timed) {
        const double ratio = stretchRatio(*l, a.bpm);
        if (ratio < minStretchRatio || ratio > maxStretchRatio)
            a.excluded.push_back({ l->path, formatBpm(*l->bpm) + " BPM loop is too far from the " + formatBpm(a.bpm)
                                                + " BPM project tempo to stretch cleanly (length ratio " + formatBpm(ratio)
                                                + " after octave correction; " + formatBpm(minStretchRatio) + " to "
                                                + formatBpm(maxStretchRatio) + " allowed)" });
        else if (beatsOnProjectGrid(*l, a.bpm, a.beatsPerBar) == 0)
            a.excluded.push_back({ l->path, formatBpm(*l->bpm) + " BPM loop does not span whole bars of the "
                                                + formatBpm(a.bpm) + " BPM project" });
        else
            fitting.push_back(l);
    }

    a.key = commonKey(fitting);
    std::map<std::string, std::vector<const LoopInfo*>> byRole;
    for (const auto* l : fitting) {
        if (a.key && l->key && *l->key != "none" && !keysAreCompatible(*a.key, *l->key))
            a.excluded.push_back({ l->path, "key " + *l->key + " clashes with the project key " + *a.key });
        else
            byRole[*l->role].push_back(l);
    }

    a.sections = planSections(request.bars.value_or(64), random);

    // Pick up to maxLoopsPerRole loops per role, in a seeded order; the rest are left out with the reason.
    for (const char* role : { "drums", "bass", "chords", "melody", "fx", "vocal" }) {
        auto candidates = byRole[role];
        for (size_t i = candidates.size(); i > 1; --i) // Fisher-Yates with our own generator
            std::swap(candidates[i - 1], candidates[random.nextBelow(i)]);
        for (size_t i = 0; i < candidates.size(); ++i) {
            const auto* l = candidates[i];
            if (int(i) >= request.maxLoopsPerRole) {
                a.excluded.push_back({ l->path, std::string("enough ") + role + " loops already (at most "
                                                    + std::to_string(request.maxLoopsPerRole) + " per role)" });
                continue;
            }
            ArrangementTrack t;
            t.role = role;
            t.name = std::string(role) + " " + std::to_string(i + 1);
            t.loopPath = l->path;
            t.loopBpm = *l->bpm;
            t.loopBeats = beatsOnProjectGrid(*l, a.bpm, a.beatsPerBar);
            t.loopKey = l->key;
            t.gainDb = defaultGainDb(role);
            t.pan = candidates.size() > 1 && i < 2 ? (i == 0 ? -0.15 : 0.15) : 0.0;
            t.clips = placeClips(a.sections, role, int(i), random);
            if (t.clips.empty())
                a.excluded.push_back({ l->path, std::string("no section in this song calls for a second ") + role + " layer" });
            else
                a.tracks.push_back(std::move(t));
        }
    }
    std::sort(a.excluded.begin(), a.excluded.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
    return a;
}

} // namespace loopmind
