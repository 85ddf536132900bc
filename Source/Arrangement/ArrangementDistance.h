#pragma once
// How different two songs are, 0..1 (docs/ARRANGEMENT.md, "Remix distance"):
//   distance = cellWeight x cells + (1 - cellWeight) x sections
// cells: of the (loop, bar) cells that play in either song, the fraction that play in only one (a loop swapped
// for another, a layer added or removed, material moved in time all count); sections: the edit distance between
// the two section-name sequences (insert, delete, substitute one section), divided by the longer sequence's length.
#include "Arrangement/Arrangement.h"
#include <set>
#include <string>
#include <utility>

namespace loopmind {

constexpr double cellWeight = 0.75;

using CellSet = std::set<std::pair<std::string, int>>; // (loop path, bar) that plays

CellSet playedCells(const Arrangement& a);
double cellDistance(const CellSet& x, const CellSet& y);
double sectionDistance(const Arrangement& x, const Arrangement& y);
double arrangementDistance(const Arrangement& x, const Arrangement& y);

} // namespace loopmind
