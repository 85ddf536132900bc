#pragma once
// Shared by `arrange` and `render PATH...`: analyse the inputs and build the song the options ask for.
#include "Arrangement/Arrangement.h"
#include "Cli/CliSupport.h"

namespace loopmind::cli {

struct ArrangedSong {
    Arrangement arrangement;
    int failures = 0;
};

ArrangedSong arrangeFromArguments(const Arguments& args);
void printArrangementSummary(const Arrangement& a);

} // namespace loopmind::cli
