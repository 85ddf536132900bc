#pragma once
// Scoring an analysis against a labelled loop: tempo exact and up to an octave, key exact and MIREX-weighted, role;
// tallied per class and printed as the instrument tests' tables.
#include "Analysis/LoopAnalysis.h"
#include "Support/InstrumentLoopSet.h"
#include <optional>
#include <string>

namespace loopmind::test {

struct AnalysisTally {
    int n = 0, tempo = 0, octave = 0, keyN = 0, key = 0, role = 0;
    double mirex = 0.0;

    /** One loop's result against its truth (key counted only for pitched loops). */
    static AnalysisTally of(const InstrumentLoop& truth, const analysis::AnalysisResult& result);
    void add(const AnalysisTally& o);
    double tempoPct() const;
    double octavePct() const;
    double keyPct() const;
    double mirexMean() const;
    double rolePct() const;
    /** " n tempo% octave% key% mirex role%", the columns of the instrument tests' tables. */
    std::string columns() const;
};

double percent(int value, int of);

/** MIREX key score: 1 same key, 0.5 a fifth away in the same mode, 0.3 relative, 0.2 parallel, else 0. */
double mirexKeyScore(const std::string& truth, const std::optional<std::string>& estimate);

} // namespace loopmind::test
