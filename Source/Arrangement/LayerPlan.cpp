#include "Arrangement/LayerPlan.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
const char* const roleOrder[] = { "drums", "bass", "chords", "melody", "vocal", "fx" };

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

int budget(const StyleTemplate& style, const ArrangementSection& s, const std::string& role, bool userEnergy)
{
    if (role == "drums" && contains(style.transitions.drumsOut, s.name))
        return 0;
    int most = 0;
    if (userEnergy || !style.section(s.name)) {
        for (const auto& sec : style.sections)
            most = std::max(most, sec.layers.at(role));
        return most;
    }
    return style.section(s.name)->layers.at(role);
}

/** Tracks allowed in the section, in the order layers are added as energy rises. */
std::vector<int> candidates(const std::vector<TrackSlot>& slots, const ArrangementSection& s, const StyleTemplate& style, bool userEnergy)
{
    std::vector<int> out;
    for (int layer = 0; layer < 8; ++layer)
        for (const char* role : roleOrder)
            if (layer < budget(style, s, role, userEnergy))
                for (size_t t = 0; t < slots.size(); ++t)
                    if (slots[t].role == role && slots[t].layer == layer)
                        out.push_back(int(t));
    return out;
}
} // namespace

void placeLayers(LayerGrid& grid, const std::vector<TrackSlot>& slots, const std::vector<ArrangementSection>& sections,
                 const StyleTemplate& style, bool userEnergy, DeterministicRandom& random)
{
    size_t peak = 1;
    for (const auto& s : sections)
        peak = std::max(peak, candidates(slots, s, style, userEnergy).size());
    for (const auto& s : sections) {
        auto allowed = candidates(slots, s, style, userEnergy);
        for (int t : allowed)
            for (int b = s.startBar; b < s.startBar + s.bars; ++b)
                grid.allowed[size_t(t)][size_t(b)] = 1;
        if (allowed.empty())
            continue;
        const size_t n = std::clamp(size_t(std::lround(s.energy * double(peak))), size_t(1), allowed.size());
        // The first allowed layer anchors the section; the order of the rest is nudged by the seed.
        for (size_t i = 1; i + 1 < allowed.size(); ++i)
            if (random.nextChance(0.35))
                std::swap(allowed[i], allowed[i + 1]);
        std::vector<int> base(allowed.begin(), allowed.begin() + long(n));
        std::vector<int> spare(allowed.begin() + long(n), allowed.end());
        const int phase = int(random.nextBelow(2)); // the seed picks whether the change comes on odd or even blocks
        for (int block = 0; block * 8 < s.bars; ++block) {
            auto playing = base;
            std::string why = rules::layerBudget;
            if ((block + phase) % 2 == 1) { // every other 8 bars one layer changes: a spare one joins or swaps in, or one rests
                const size_t which = base.size() > 1 ? 1 + size_t(random.nextBelow(base.size() - 1)) : 0;
                if (!spare.empty() && base.size() <= 1) {
                    playing.push_back(spare[size_t(random.nextBelow(spare.size()))]);
                    why = rules::variation;
                } else if (!spare.empty()) {
                    playing[which] = spare[size_t(random.nextBelow(spare.size()))];
                    why = rules::variation;
                } else if (base.size() > 2) {
                    playing.erase(playing.begin() + long(which));
                }
            }
            const int first = s.startBar + block * 8, last = std::min(s.startBar + s.bars, first + 8);
            // In the intro and outro a layer that joins does so for the block's second half only (a pickup), so the
            // song's ends stay thin.
            const bool end = &s == &sections.front() || &s == &sections.back();
            for (int t : playing) {
                const bool joined = std::find(base.begin(), base.end(), t) == base.end();
                for (int b = joined && end ? last - std::max(1, (last - first) / 2) : first; b < last; ++b)
                    grid.set(t, b, joined ? why : rules::layerBudget);
            }
        }
    }
}

void applyTransitions(LayerGrid& grid, const std::vector<TrackSlot>& slots, const std::vector<ArrangementSection>& sections,
                      const StyleTemplate& style)
{
    std::vector<int> fx, drums;
    for (size_t t = 0; t < slots.size(); ++t) {
        if (slots[t].role == "fx") fx.push_back(int(t));
        if (slots[t].role == "drums") drums.push_back(int(t));
    }
    int risers = 0;
    for (size_t i = 1; i < sections.size(); ++i) {
        const int boundary = sections[i].startBar;
        const int before = sections[i - 1].bars;
        if (!fx.empty() && contains(style.transitions.riserInto, sections[i].name)) {
            const int t = fx[size_t(risers++) % fx.size()];
            for (int b = boundary - std::min(style.transitions.riserBars, before); b < boundary; ++b)
                grid.set(t, b, rules::riser);
        }
        if (contains(style.transitions.fillInto, sections[i].name) && before > style.transitions.fillBars)
            for (int b = boundary - style.transitions.fillBars; b < boundary; ++b) {
                bool othersPlay = false; // a gap, not silence: drums drop out only under something else
                for (int t = 0; t < grid.tracks(); ++t)
                    othersPlay = othersPlay || (slots[size_t(t)].role != "drums" && grid.on(t, b));
                if (othersPlay)
                    for (int t : drums) grid.clear(t, b);
            }
    }
}

BlockStats blockStats(const LayerGrid& grid)
{
    BlockStats st;
    std::vector<std::string> blocks;
    for (int first = 0; first < grid.bars; first += 8)
        blocks.push_back(grid.blockSignature(first));
    int run = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        run = i > 0 && blocks[i] == blocks[i - 1] ? run + 1 : 1;
        st.longestRun = std::max(st.longestRun, run);
        st.mostUses = std::max(st.mostUses, int(std::count(blocks.begin(), blocks.end(), blocks[i])));
    }
    return st;
}

namespace {
/** A track that is off in [first, last) and plays somewhere after it, preferring the earliest entry; -1 if none. */
int enteringTrack(const LayerGrid& grid, const std::vector<TrackSlot>& slots, int first, int last)
{
    int best = -1, bestBar = grid.bars;
    for (int t = 0; t < grid.tracks(); ++t) {
        if (grid.on(t, first) || slots[size_t(t)].role == "fx")
            continue;
        for (int b = last; b < bestBar; ++b)
            if (grid.on(t, b)) { best = t; bestBar = b; break; }
    }
    return best;
}
/** Another track of the lone active track's role, off at first; -1 if none. */
int sameRoleTrack(const LayerGrid& grid, const std::vector<TrackSlot>& slots, const std::vector<int>& active, int first)
{
    if (active.size() != 1)
        return -1;
    for (int t = 0; t < grid.tracks(); ++t)
        if (t != active[0] && slots[size_t(t)].role == slots[size_t(active[0])].role && !grid.on(t, first)) return t;
    return -1;
}
} // namespace

int enforceVariation(LayerGrid& grid, const std::vector<TrackSlot>& slots, DeterministicRandom& random)
{
    int edits = 0;
    for (int guard = 0; guard < 256; ++guard) {
        std::vector<std::string> blocks;
        for (int first = 0; first < grid.bars; first += 8)
            blocks.push_back(grid.blockSignature(first));
        int offender = -1;
        for (size_t i = 0; i < blocks.size() && offender < 0; ++i) {
            const bool thirdInRow = i >= 2 && blocks[i] == blocks[i - 1] && blocks[i] == blocks[i - 2];
            const bool fifthUse = std::count(blocks.begin(), blocks.begin() + long(i) + 1, blocks[i]) > 4;
            if (thirdInRow || fifthUse)
                offender = int(i);
        }
        if (offender < 0)
            return edits;
        // Edit the second half of the block: drop a layer when two or more play, else add one (not drums, which
        // may be out on purpose); with nothing to add, the lone layer rests for the last two bars.
        const int first = offender * 8 + 4, last = std::min(grid.bars, offender * 8 + 8);
        if (first >= last)
            return edits; // a trailing block shorter than 5 bars cannot be told apart by halves
        std::vector<int> active, removable, idle;
        for (int t = 0; t < grid.tracks(); ++t) {
            const bool fxOrDrums = slots[size_t(t)].role == "drums" || slots[size_t(t)].role == "fx";
            if (grid.on(t, first)) {
                if (!active.empty() && slots[size_t(t)].role != "fx") removable.push_back(t); // risers stay
                active.push_back(t);
            } else if (!fxOrDrums && grid.allowed[size_t(t)][size_t(first)]) {
                idle.push_back(t);
            }
        }
        if (!removable.empty() && (idle.empty() || random.nextChance(0.5))) {
            const int t = removable[size_t(random.nextBelow(removable.size()))];
            for (int b = first; b < last; ++b) grid.clear(t, b);
        } else if (!idle.empty()) {
            const int t = idle[size_t(random.nextBelow(idle.size()))];
            for (int b = first; b < last; ++b) grid.set(t, b, rules::repair);
        } else if (int other = sameRoleTrack(grid, slots, active, first); other >= 0) {
            // One layer and nothing else allowed: another loop of its role takes over (the budget holds).
            for (int b = first; b < last; ++b) { grid.clear(active[0], b); grid.set(other, b, rules::repair); }
        } else if (int pickup = enteringTrack(grid, slots, first, last); pickup >= 0) {
            // Nothing allowed here to add, drop or swap: a layer of what follows enters two bars early (never silence).
            for (int b = std::max(first, last - 2); b < last; ++b) grid.set(pickup, b, rules::repair);
        } else if (!active.empty()) { // a song of one loop: resting is the only change left
            int end = last; // rest the two bars before any rest already there, so the edit always changes the block
            while (end > first && !grid.on(active[0], end - 1)) --end;
            for (int b = std::max(first, end - 2); b < end; ++b) grid.clear(active[0], b);
        } else {
            return edits; // nothing plays at all: silence cannot vary
        }
        ++edits;
    }
    return edits;
}

} // namespace loopmind
