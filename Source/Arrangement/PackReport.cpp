#include "Arrangement/PackReport.h"
#include "Arrangement/KeyRelation.h"
#include "Core/PathText.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace loopmind {

namespace {
std::string name(const std::filesystem::path& p) { return pathText(p.filename()); }

double foldedTempo(double bpm)
{
    while (bpm < 80) bpm *= 2;
    while (bpm >= 160) bpm /= 2;
    return std::round(bpm * 2) / 2;
}
} // namespace

std::string explainPack(const std::vector<LoopInfo>& loops, const Arrangement& a, bool styleAsked)
{
    std::vector<const LoopInfo*> ok;
    for (const auto& l : loops)
        if (l.ok) ok.push_back(&l);
    std::sort(ok.begin(), ok.end(), [](auto* x, auto* y) { return x->path < y->path; });

    std::ostringstream out;
    out << "pack: " << ok.size() << " loops analysed\n";
    out << "style: " << a.style << (styleAsked ? " (asked for with --style)" : " (chosen from the project tempo; house when no style's range holds it)") << "\n";
    out << "tempo: " << a.tempoReason << "\n";
    out << "key: " << a.keyReason << "\n";

    out << "key clusters (loops whose keys sound together; unpitched loops fit every cluster):\n";
    std::map<std::string, int> keyCount;
    int unpitched = 0;
    for (const auto* l : ok) {
        if (l->key && parseKey(*l->key)) keyCount[*l->key] += 1;
        else ++unpitched;
    }
    std::vector<std::pair<int, std::string>> keys;
    for (const auto& [k, n] : keyCount) keys.push_back({ -n, k });
    std::sort(keys.begin(), keys.end());
    std::set<std::string> shown;
    for (const auto& [negCount, k] : keys) {
        if (shown.count(k)) continue;
        std::vector<std::string> members;
        for (const auto* l : ok)
            if (l->key && parseKey(*l->key) && keysAreCompatible(k, *l->key)) {
                members.push_back(name(l->path) + " (" + *l->key + ")");
                if (*l->key == k || keyRelation(k, *l->key) == "relative major/minor") shown.insert(*l->key);
            }
        out << "  around " << k << (a.key && *a.key == k ? " [project key]" : "") << ": ";
        for (size_t i = 0; i < members.size(); ++i) out << (i ? ", " : "") << members[i];
        out << "\n";
    }
    out << "  unpitched: " << unpitched << " loops\n";

    out << "tempo clusters (half and double time counted together):\n";
    std::map<double, std::vector<std::string>> tempos;
    for (const auto* l : ok)
        if (l->bpm) tempos[foldedTempo(*l->bpm)].push_back(name(l->path));
    for (const auto& [bpm, members] : tempos) {
        out << "  " << bpm << " BPM" << (std::abs(bpm - foldedTempo(a.bpm)) < 0.25 ? " [project tempo]" : "") << ": ";
        for (size_t i = 0; i < members.size(); ++i) out << (i ? ", " : "") << members[i];
        out << "\n";
    }

    out << "sections:";
    for (const auto& s : a.sections) out << " " << s.name << " " << s.bars << " (energy " << s.energy << ")";
    out << "\nused:\n";
    for (const auto& t : a.tracks) {
        int bars = 0;
        for (const auto& c : t.clips) bars += c.bars;
        const auto& r = t.clips.empty() ? PlacementReason {} : t.clips.front().reason;
        out << "  " << t.name << ": " << name(t.loopPath) << ", key " << t.loopKey.value_or("none") << " (" << r.keyRelation
            << "), score " << r.score << ", plays " << bars << " of " << a.totalBars() << " bars, gain " << t.gainDb << " dB: " << t.gainReason << "\n";
    }
    out << "left out:\n";
    for (const auto& e : a.excluded)
        out << "  " << name(e.path) << ": " << e.reason << "\n";
    if (a.excluded.empty())
        out << "  nothing\n";
    return out.str();
}

} // namespace loopmind
