#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/KeyRelation.h"
#include "Arrangement/LayerPlan.h"
#include "Arrangement/MixBalance.h"
#include "Arrangement/MixerDefaults.h"
#include "Arrangement/SectionGain.h"
#include "Arrangement/SectionPlan.h"
#include "Core/DeterministicRandom.h"
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

/** The tempo most loops agree on (rounded to 0.5 BPM, tempi an octave apart counted together), and its votes. */
std::pair<double, int> commonTempo(const std::vector<const LoopInfo*>& loops)
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
    return { best, bestVotes };
}

std::pair<std::optional<std::string>, int> commonKey(const std::vector<const LoopInfo*>& loops, int& pitched)
{
    std::map<std::string, int> votes;
    pitched = 0;
    for (const auto* l : loops)
        if (l->key && *l->key != "none") {
            votes[*l->key] += 1;
            ++pitched;
        }
    std::optional<std::string> best;
    int bestVotes = 0;
    for (const auto& [key, n] : votes)
        if (n > bestVotes) { best = key; bestVotes = n; }
    return { best, bestVotes };
}

int mostLayers(const StyleTemplate& style, const std::string& role)
{
    int most = role == "fx" && !style.transitions.riserInto.empty() ? 1 : 0; // risers need an fx track
    for (const auto& s : style.sections)
        most = std::max(most, s.layers.at(role));
    return most;
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
    if (request.bpm) {
        a.bpm = *request.bpm;
        a.tempoReason = formatBpm(a.bpm) + " BPM: asked for (--bpm)";
    } else if (timed.empty()) {
        a.bpm = 120;
        a.tempoReason = "120 BPM: no loop has a detected tempo";
    } else {
        const auto [bpm, votes] = commonTempo(timed);
        a.bpm = bpm;
        a.tempoReason = formatBpm(bpm) + " BPM: " + std::to_string(votes) + " of " + std::to_string(timed.size())
                        + " loops with a tempo agree on it (half and double time counted together)";
    }

    const StyleTemplate style = request.style ? *request.style : [&] {
        auto loaded = loadStyle(styleForTempo(a.bpm));
        return loaded ? loaded.value() : builtInHouseStyle();
    }();
    a.style = style.name;

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

    int pitched = 0;
    const auto [key, keyVotes] = commonKey(fitting, pitched);
    a.key = key;
    a.keyReason = key ? *key + ": " + std::to_string(keyVotes) + " of " + std::to_string(pitched)
                            + " pitched loops are in it; loops in related keys (relative major/minor, a fifth apart) join it"
                      : "no key: none of the fitting loops is pitched";
    if (request.key) {
        a.key = request.key;
        a.keyReason = *request.key + ": asked for (a remix keeps its song's key)";
    }
    const RuleLoopScorer ruleScorer;
    const LoopScorer& scorer = request.scorer ? *request.scorer : ruleScorer;
    if (request.scorer) {
        a.scorer = scorer.name();
        a.scorerHash = scorer.modelHash();
    }
    std::map<std::string, std::vector<const LoopInfo*>> byRole;
    for (const auto* l : fitting) {
        if (keyRelation(a.key, l->key) == "clash")
            a.excluded.push_back({ l->path, "key " + *l->key + " clashes with the project key " + *a.key });
        else
            byRole[*l->role].push_back(l);
    }

    a.sections = request.sections.empty() ? planSections(style, request.bars, request.energy, random) : request.sections;

    // Pick loops per role: the best fitting first, the seed breaking near-ties; the rest are left out with the reason.
    struct Chosen { const LoopInfo* loop; TrackSlot slot; std::string relation; double score; };
    std::vector<Chosen> chosen;
    for (const char* role : { "drums", "bass", "chords", "melody", "fx", "vocal" }) {
        std::vector<std::pair<double, const LoopInfo*>> ranked;
        for (const auto* l : byRole[role])
            ranked.push_back({ scorer.score(*l, { role, a.bpm, a.key }) + 0.6 * random.nextUnit(), l });
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        const int allowed = std::min(request.maxLoopsPerRole, mostLayers(style, role));
        for (size_t i = 0; i < ranked.size(); ++i) {
            const auto* l = ranked[i].second;
            if (allowed == 0)
                a.excluded.push_back({ l->path, "the " + style.name + " style has no place for a " + role + " loop" });
            else if (int(i) >= allowed)
                a.excluded.push_back({ l->path, std::string("enough ") + role + " loops already (at most " + std::to_string(allowed)
                                                    + " per role in " + style.name + ")" });
            else {
                const auto relation = keyRelation(a.key, l->key);
                chosen.push_back({ l, { role, int(i) }, relation, scorer.score(*l, { role, a.bpm, a.key }) });
            }
        }
    }

    std::vector<TrackSlot> slots;
    for (const auto& c : chosen)
        slots.push_back(c.slot);
    LayerGrid grid(int(slots.size()), a.totalBars());
    placeLayers(grid, slots, a.sections, style, !request.energy.empty(), random);
    applyTransitions(grid, slots, a.sections, style);
    enforceVariation(grid, slots, random);

    std::vector<double> trackLoudness; // each kept track's loudness on the bus, for the section gains
    for (size_t i = 0; i < chosen.size(); ++i) {
        const auto& c = chosen[i];
        const auto* l = c.loop;
        const auto& role = c.slot.role;
        ArrangementTrack t;
        t.role = role;
        t.name = role + " " + std::to_string(c.slot.layer + 1);
        t.loopPath = l->path;
        t.loopBpm = *l->bpm;
        t.loopBeats = beatsOnProjectGrid(*l, a.bpm, a.beatsPerBar);
        t.loopKey = l->key;
        const auto gain = balanceTrack(*l, role);
        t.gainDb = gain.gainDb;
        t.gainReason = gain.reason;
        const size_t ofRole = byRole[role].size();
        t.strip.pan = ofRole > 1 && c.slot.layer < 2 ? (c.slot.layer == 0 ? -0.15 : 0.15) : 0.0;
        t.clips = clipsFromGrid(grid, int(i), a.sections, c.relation, c.score);
        if (t.clips.empty())
            a.excluded.push_back({ l->path, c.slot.layer == 0 ? "no section of this " + style.name + " song calls for " + role
                                                               : "no section in this song calls for a second " + role + " layer" });
        else {
            const bool measured = l->lufs && std::isfinite(*l->lufs) && *l->lufs > -70.0; // as MixBalance assumes
            trackLoudness.push_back((measured ? *l->lufs : -10.0) + t.gainDb);
            a.tracks.push_back(std::move(t));
        }
    }
    applySectionGains(a, trackLoudness);
    applyMixerDefaults(a);
    std::sort(a.excluded.begin(), a.excluded.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
    return a;
}

} // namespace loopmind
