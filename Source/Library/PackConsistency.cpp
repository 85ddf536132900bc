#include "Library/PackConsistency.h"
#include "Core/PathText.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
constexpr int minimumPack = 3; // with fewer loops a "majority" says nothing

std::string bpmText(double bpm)
{
    char s[32];
    std::snprintf(s, sizeof s, "%g", std::round(bpm * 100) / 100);
    return s;
}

/** Half and double time vote together: 62 and 124 are the same pulse. */
double folded(double bpm)
{
    while (bpm < 80) bpm *= 2;
    while (bpm >= 160) bpm /= 2;
    return std::round(bpm * 2) / 2;
}

struct PackTempo {
    double bpm = 0;
    int agreeing = 0; // loops within half a BPM of it
};

/** The majority tempo of a folder's loops (indices sorted by path), if there is one. */
std::optional<PackTempo> majorityTempo(const std::vector<LoopInfo>& loops, const std::vector<size_t>& members)
{
    std::map<double, int> pulseVotes;
    for (auto i : members) pulseVotes[folded(*loops[i].bpm)] += 1;
    double pulse = 0;
    int best = 0;
    for (const auto& [p, n] : pulseVotes)
        if (n > best) { pulse = p; best = n; }
    if (best < 2 || best * 2 <= int(members.size()))
        return std::nullopt;
    // Within the winning pulse, the octave most of its loops were read at (ties: the faster).
    std::map<double, int> exactVotes;
    for (auto i : members)
        if (folded(*loops[i].bpm) == pulse) exactVotes[std::round(*loops[i].bpm * 2) / 2] += 1;
    double mode = 0;
    best = 0;
    for (const auto& [b, n] : exactVotes)
        if (n >= best) { mode = b; best = n; }
    PackTempo t;
    double sum = 0;
    for (auto i : members)
        if (std::abs(*loops[i].bpm - mode) <= 0.5) { sum += *loops[i].bpm; ++t.agreeing; }
    t.bpm = sum / t.agreeing;
    return t;
}

/** Whole beats the loop spans at bpm if that is whole bars (or a fraction tiling one), else 0. */
int wholeBarBeats(double seconds, double bpm, int beatsPerBar)
{
    const double beats = seconds * bpm / 60.0;
    const double whole = std::round(beats);
    if (whole < 1 || std::abs(beats - whole) > std::min(0.05, 0.01 * whole))
        return 0;
    const int n = int(whole);
    return n % beatsPerBar == 0 || beatsPerBar % n == 0 ? n : 0;
}
} // namespace

PackConsistencyResult reconcilePackTempos(const std::vector<LoopInfo>& loops, int beatsPerBar)
{
    return reconcilePackTempos(std::vector<LoopInfo>(loops), beatsPerBar);
}

PackConsistencyResult reconcilePackTempos(std::vector<LoopInfo>&& input, int beatsPerBar)
{
    PackConsistencyResult r;
    r.loops = std::move(input);
    const auto& loops = r.loops; // read before a folder's loops change; folders are independent
    std::map<fs::path, std::vector<size_t>> folders; // ordered by folder: reports come out in a stable order
    for (size_t i = 0; i < loops.size(); ++i)
        if (loops[i].ok && loops[i].bpm && std::isfinite(*loops[i].bpm) && *loops[i].bpm > 0)
            folders[loops[i].path.parent_path()].push_back(i);

    for (auto& [folder, members] : folders) {
        if (int(members.size()) < minimumPack)
            continue;
        std::sort(members.begin(), members.end(), [&](size_t a, size_t b) { return loops[a].path < loops[b].path; });
        const auto tempo = majorityTempo(loops, members);
        const std::string where = "folder " + pathText(folder);
        if (!tempo) {
            std::map<double, int> counts;
            for (auto i : members) counts[std::round(*loops[i].bpm)] += 1;
            std::string list;
            for (auto it = counts.rbegin(); it != counts.rend(); ++it)
                list += (list.empty() ? "" : ", ") + std::to_string(it->second) + " at " + bpmText(it->first) + " BPM";
            r.disagreements.push_back(where + " has no common tempo: " + list);
            continue;
        }
        const double share = double(tempo->agreeing) / double(members.size());
        const std::string majority = std::to_string(tempo->agreeing) + " of " + std::to_string(members.size())
                                     + " loops at " + bpmText(tempo->bpm) + " BPM";
        for (auto i : members) {
            auto& l = r.loops[i];
            if (std::abs(*l.bpm - tempo->bpm) <= 0.5) { // agreement from the rest of the pack is evidence
                l.bpmConfidence += (1.0 - l.bpmConfidence) * 0.5 * share;
                continue;
            }
            if (l.tempoFromFile) // the file states its tempo: the pack's majority does not overrule it
                continue;
            if (const int beats = wholeBarBeats(l.durationSeconds, tempo->bpm, beatsPerBar)) {
                r.adjustments.push_back(pathText(l.path) + ": read as " + bpmText(*l.bpm) + " BPM; adopted "
                                        + bpmText(tempo->bpm) + " BPM from its " + where + " (" + majority + "), where it spans "
                                        + std::to_string(beats) + " beats");
                l.bpm = tempo->bpm;
                l.beats = beats;
                l.bpmConfidence = std::max(l.bpmConfidence, 0.9 * share);
            } else {
                char seconds[32];
                std::snprintf(seconds, sizeof seconds, "%.3f", l.durationSeconds);
                r.disagreements.push_back(pathText(l.path) + ": " + bpmText(*l.bpm) + " BPM disagrees with its " + where
                                          + " (" + majority + "), and its length (" + seconds
                                          + " s) is not whole bars at " + bpmText(tempo->bpm) + " BPM");
            }
        }
    }
    return r;
}

} // namespace loopmind
