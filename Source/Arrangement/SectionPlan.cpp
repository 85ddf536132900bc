#include "Arrangement/SectionPlan.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
/** Index of the section that absorbs length changes: the longest of the highest energy, the last such. */
size_t peakIndex(const std::vector<ArrangementSection>& s)
{
    size_t best = 0;
    for (size_t i = 1; i < s.size(); ++i)
        if (s[i].energy > s[best].energy || (s[i].energy == s[best].energy && s[i].bars >= s[best].bars))
            best = i;
    return best;
}

void fitToLength(std::vector<ArrangementSection>& out, int totalBars, int unit)
{
    // Too many sections for the length: drop the quietest inner ones (never the first, last or the peak).
    while (out.size() > 1 && int(out.size()) * unit > totalBars) {
        const size_t peak = peakIndex(out);
        size_t victim = out.size();
        for (size_t i = 1; i + 1 < out.size(); ++i)
            if (i != peak && (victim == out.size() || out[i].energy < out[victim].energy))
                victim = i;
        if (victim == out.size())
            victim = peak == 0 ? out.size() - 1 : 0;
        out.erase(out.begin() + long(victim));
    }
    int natural = 0;
    for (const auto& s : out)
        natural += s.bars;
    int assigned = 0;
    for (auto& s : out) {
        s.bars = std::max(unit, int(std::lround(double(s.bars) * totalBars / natural / unit)) * unit);
        assigned += s.bars;
    }
    // Settle the difference on the peak section; when it would get too short, on the next longest.
    int diff = totalBars - assigned;
    while (diff != 0) {
        size_t target = peakIndex(out);
        if (out[target].bars + diff < unit) {
            target = 0;
            for (size_t i = 1; i < out.size(); ++i)
                if (out[i].bars > out[target].bars) target = i;
        }
        const int change = std::max(diff, unit - out[target].bars);
        out[target].bars += change;
        diff -= change;
        if (change == 0)
            break; // every section is at one unit: cannot happen, since size * unit <= totalBars
    }
}
} // namespace

std::vector<ArrangementSection> planSections(const StyleTemplate& style, std::optional<int> totalBars,
                                             const std::vector<double>& energies, DeterministicRandom& random)
{
    const auto& order = style.orders[random.nextBelow(style.orders.size())];
    std::vector<ArrangementSection> out;
    for (const auto& name : order) {
        const auto* s = style.section(name);
        out.push_back({ name, 0, s->bars[random.nextBelow(s->bars.size())], s->energy, 0.0, {} });
    }
    if (totalBars) {
        // Phrases of the style's bar multiple when the length allows them, else of 4 bars.
        const int total = std::max(*totalBars, 4);
        fitToLength(out, total, total % style.barMultiple == 0 ? style.barMultiple : 4);
    }
    for (size_t i = 0; i < out.size() && !energies.empty(); ++i)
        out[i].energy = std::clamp(energies[std::min(i, energies.size() - 1)], 0.0, 1.0);
    int start = 0;
    for (auto& s : out) {
        s.startBar = start;
        start += s.bars;
    }
    return out;
}

} // namespace loopmind
