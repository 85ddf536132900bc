#pragma once
// Checks that a song is arranged, not just assembled: the bar grid and section lengths fit the style, the energy
// has an arc (quiet ends, a late peak), the roles are covered, simultaneous pitched loops share compatible keys,
// every loop is within its stretch range, and the variation rules hold. Used by the tests and by
// `loopmind arrange --check FILE`. The checks measured on a render live in RenderedEnergy.h.
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/StyleTemplate.h"
#include <set>
#include <string>
#include <vector>

namespace loopmind {

struct CheckFinding {
    std::string check;  // grid, energy-arc, role-coverage, key-compatibility, tempo-ratio, variation, determinism, ...
    bool passed = false;
    std::string detail; // a sentence with the figures
};

struct CheckReport {
    std::vector<CheckFinding> findings;
    bool passed() const;
    std::string text() const; // one line per finding: "PASS grid: ..." / "FAIL ..."
    const CheckFinding* find(const std::string& check) const;
};

/** offeredRoles: roles the pack offered (fitting loops); each one the style has room for must be used. Empty: only
    the song's own roles are judged (the file alone does not say what the pack held). */
CheckReport checkArrangement(const Arrangement& a, const StyleTemplate& style, const std::set<std::string>& offeredRoles = {});

/** Arranging the same loops with the same request twice gives the same bytes. */
CheckFinding checkDeterminism(const std::vector<LoopInfo>& loops, const ArrangementRequest& request);

/** Mean number of tracks playing per bar, per section (the layer count the energy arc is judged on). */
std::vector<double> sectionLayerCounts(const Arrangement& a);

/** Intro and outro may use at most this share of the peak section's layer count; the peak starts after this share
    of the song. */
constexpr double maxEndLayerShare = 0.6, minPeakPosition = 0.4;
/** Sections with at least this share of the peak's layer count count as the peak. */
constexpr double peakTolerance = 0.75;

} // namespace loopmind
