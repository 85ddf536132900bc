#pragma once
// Shared by `arrange` and `render PATH...`: analyse the inputs and build the song the options ask for.
#include "Arrangement/Arrangement.h"
#include "Cli/CliSupport.h"

namespace loopmind::cli {

/** The options arrangeFromArguments reads (besides the input options): --seed --bpm --bars --style --energy --scorer. */
inline const std::set<std::string> arrangeValueOptions { "seed", "bpm", "bars", "style", "energy", "scorer" };

struct ArrangedSong {
    Arrangement arrangement;
    int failures = 0;
    std::vector<LoopInfo> loops; // as analysed, for the pack report
};

ArrangedSong arrangeFromArguments(const Arguments& args);
void printArrangementSummary(const Arrangement& a);

/** arrange --check FILE [--no-render]: prints the checker's findings; 1 when any fails. */
int runArrangeCheck(const Arguments& args);
/** arrange --remix FILE --distance D [--seed N] [PATH...] --out FILE. */
int runArrangeRemix(const Arguments& args);

} // namespace loopmind::cli
