#include "Arrangement/ArrangementChecker.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/KeyRelation.h"
#include "Arrangement/LayerGrid.h"
#include "Arrangement/LayerPlan.h"
#include "Arrangement/NumberText.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
std::string fixed(double v, int decimals = 2) { return fixedText(v, decimals); }

bool isPitched(const std::optional<std::string>& key) { return key && *key != "none" && parseKey(*key); }

bool playsAt(const ArrangementTrack& t, int bar)
{
    for (const auto& c : t.clips)
        if (bar >= c.startBar && bar < c.startBar + c.bars) return true;
    return false;
}

CheckFinding checkGrid(const Arrangement& a, const StyleTemplate& style)
{
    // A song cut to a requested length that is not a whole number of the style's phrases is judged on 4 bars.
    const int total = a.totalBars();
    const int unit = total % style.barMultiple == 0 ? style.barMultiple : 4;
    int start = 0;
    for (size_t i = 0; i < a.sections.size(); ++i) {
        const auto& s = a.sections[i];
        const auto where = "section " + std::to_string(i) + " (" + s.name + ")";
        if (!style.section(s.name))
            return { "grid", false, where + " is not a section of the " + style.name + " style" };
        if (s.startBar != start)
            return { "grid", false, where + " starts at bar " + std::to_string(s.startBar) + ", not " + std::to_string(start) };
        if (s.bars % unit != 0)
            return { "grid", false, where + " has " + std::to_string(s.bars) + " bars, not a multiple of " + std::to_string(unit) };
        start += s.bars;
    }
    for (const auto& t : a.tracks)
        for (const auto& c : t.clips)
            if (c.startBar < 0 || c.bars < 1 || c.startBar + c.bars > total)
                return { "grid", false, "track '" + t.name + "' has a clip outside the song's " + std::to_string(total) + " bars" };
    return { "grid", true, std::to_string(a.sections.size()) + " sections on whole bars, each a multiple of "
                               + std::to_string(unit) + " bars, " + std::to_string(total) + " bars in all" };
}

CheckFinding checkEnergyArc(const Arrangement& a)
{
    const auto layers = sectionLayerCounts(a);
    if (layers.empty())
        return { "energy-arc", false, "no sections" };
    const double peak = *std::max_element(layers.begin(), layers.end());
    // The climax is the last section at (or within peakTolerance of) the peak: a first drop early in the song is fine
    // when the song returns to it, even if a fill bar or a resting layer leaves the return a little thinner.
    size_t peakIndex = 0;
    for (size_t i = 0; i < layers.size(); ++i)
        if (layers[i] >= peakTolerance * peak - 1e-9) peakIndex = i;
    const double position = double(a.sections[peakIndex].startBar) / double(std::max(1, a.totalBars()));
    const double intro = layers.front() / std::max(peak, 1e-9), outro = layers.back() / std::max(peak, 1e-9);
    const bool ok = peak > 0 && intro <= maxEndLayerShare + 1e-9 && outro <= maxEndLayerShare + 1e-9 && position >= minPeakPosition;
    return { "energy-arc", ok, "intro " + fixed(intro) + " and outro " + fixed(outro) + " of the peak's " + fixed(peak, 1)
                                   + " layers (at most " + fixed(maxEndLayerShare) + "); peak '" + a.sections[peakIndex].name
                                   + "' starts at " + fixed(position) + " of the song (at least " + fixed(minPeakPosition) + ")" };
}

CheckFinding checkRoles(const Arrangement& a, const StyleTemplate& style, const std::set<std::string>& offered)
{
    std::set<std::string> used;
    for (const auto& t : a.tracks)
        if (!t.clips.empty()) used.insert(t.role);
    for (const auto& role : offered) {
        bool room = false;
        for (const auto& s : style.sections)
            room = room || (s.layers.count(role) && s.layers.at(role) > 0);
        if (room && !used.count(role))
            return { "role-coverage", false, "the pack offers " + role + " and the style has room for it, but the song has none" };
    }
    for (size_t i = 0; i < a.sections.size(); ++i) {
        const auto& s = a.sections[i];
        for (int b = s.startBar; b < s.startBar + s.bars; ++b) {
            bool any = false;
            for (const auto& t : a.tracks) any = any || playsAt(t, b);
            if (!any)
                return { "role-coverage", false, "bar " + std::to_string(b) + " (" + s.name + ") is silent" };
        }
    }
    const bool rhythm = used.count("drums") || used.count("bass");
    const bool harmony = used.count("chords") || used.count("melody") || used.count("vocal");
    std::string roles;
    for (const auto& r : used) roles += (roles.empty() ? "" : ", ") + r;
    return { "role-coverage", rhythm && harmony, "roles used: " + roles + (rhythm ? "" : "; no drums or bass")
                                                     + (harmony ? "" : "; no chords, melody or vocal") + "; no silent bar" };
}

CheckFinding checkKeys(const Arrangement& a)
{
    int pairs = 0;
    for (size_t i = 0; i < a.tracks.size(); ++i)
        for (size_t j = i + 1; j < a.tracks.size(); ++j) {
            const auto &x = a.tracks[i], &y = a.tracks[j];
            if (!isPitched(x.loopKey) || !isPitched(y.loopKey))
                continue;
            for (int b = 0; b < a.totalBars(); ++b)
                if (playsAt(x, b) && playsAt(y, b)) {
                    ++pairs;
                    if (!keysAreCompatible(*x.loopKey, *y.loopKey))
                        return { "key-compatibility", false, "'" + x.name + "' (" + *x.loopKey + ") and '" + y.name + "' (" + *y.loopKey
                                                                 + ") play together in bar " + std::to_string(b) + " and their keys clash" };
                    break;
                }
        }
    return { "key-compatibility", true, std::to_string(pairs) + " pairs of pitched loops sound together, all in compatible keys" };
}

CheckFinding checkTempo(const Arrangement& a)
{
    double worst = 1;
    for (const auto& t : a.tracks) {
        LoopInfo l;
        l.bpm = t.loopBpm;
        const double r = AIArrangementEngine::stretchRatio(l, a.bpm);
        if (r < AIArrangementEngine::minStretchRatio || r > AIArrangementEngine::maxStretchRatio)
            return { "tempo-ratio", false, "'" + t.name + "' at " + fixed(t.loopBpm, 1) + " BPM needs a length ratio of " + fixed(r, 3)
                                               + " (allowed " + fixed(AIArrangementEngine::minStretchRatio) + " to "
                                               + fixed(AIArrangementEngine::maxStretchRatio) + ")" };
        if (std::abs(std::log(r)) > std::abs(std::log(worst))) worst = r;
    }
    return { "tempo-ratio", true, "every loop within the stretch range after octave correction; the furthest at length ratio " + fixed(worst, 3) };
}

CheckFinding checkVariation(const Arrangement& a)
{
    LayerGrid g(int(a.tracks.size()), a.totalBars());
    for (size_t t = 0; t < a.tracks.size(); ++t)
        for (const auto& c : a.tracks[t].clips)
            for (int b = c.startBar; b < c.startBar + c.bars; ++b) g.set(int(t), b, "on");
    const auto st = blockStats(g);
    return { "variation", st.longestRun <= 2 && st.mostUses <= 4,
             "longest run of identical 8-bar blocks " + std::to_string(st.longestRun) + " (at most 2), most uses of one block "
                 + std::to_string(st.mostUses) + " (at most 4)" };
}
} // namespace

bool CheckReport::passed() const
{
    return std::all_of(findings.begin(), findings.end(), [](const CheckFinding& f) { return f.passed; });
}

std::string CheckReport::text() const
{
    std::string out;
    for (const auto& f : findings)
        out.append(f.passed ? "PASS " : "FAIL ").append(f.check).append(": ").append(f.detail).append("\n");
    return out;
}

const CheckFinding* CheckReport::find(const std::string& check) const
{
    for (const auto& f : findings)
        if (f.check == check) return &f;
    return nullptr;
}

std::vector<double> sectionLayerCounts(const Arrangement& a)
{
    std::vector<double> out;
    for (const auto& s : a.sections) {
        int sum = 0;
        for (int b = s.startBar; b < s.startBar + s.bars; ++b)
            for (const auto& t : a.tracks) sum += playsAt(t, b);
        out.push_back(double(sum) / double(std::max(1, s.bars)));
    }
    return out;
}

CheckReport checkArrangement(const Arrangement& a, const StyleTemplate& style, const std::set<std::string>& offeredRoles)
{
    CheckReport r;
    r.findings = { checkGrid(a, style), checkEnergyArc(a), checkRoles(a, style, offeredRoles), checkKeys(a), checkTempo(a), checkVariation(a) };
    return r;
}

CheckFinding checkDeterminism(const std::vector<LoopInfo>& loops, const ArrangementRequest& request)
{
    const auto first = arrangementToText(AIArrangementEngine().arrange(loops, request));
    auto reversed = loops; // the order the files were found in must not matter either
    std::reverse(reversed.begin(), reversed.end());
    const auto second = arrangementToText(AIArrangementEngine().arrange(reversed, request));
    return { "determinism", first == second, first == second ? "two runs (loops in reverse order) give the same " + std::to_string(first.size()) + " bytes"
                                                             : "two runs give different arrangement.json" };
}

} // namespace loopmind
