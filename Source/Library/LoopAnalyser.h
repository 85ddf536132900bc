#pragma once
// Decodes and analyses loop files, several at a time on a pool of threads; results keep the input order.
#include "Core/JobControl.h"
#include "Library/LoopInfo.h"
#include <vector>

namespace loopmind {

LoopInfo analyseLoopFile(const std::filesystem::path& path);

/** jobs <= 0 means one per core. Cancellation leaves unfinished entries with an error saying so. */
std::vector<LoopInfo> analyseLoopFiles(const std::vector<std::filesystem::path>& files, int jobs, JobControl& control);

} // namespace loopmind
