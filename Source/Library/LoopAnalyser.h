#pragma once
// Decodes and analyses loop files, several at a time on a pool of threads; results keep the input order.
#include "Core/JobControl.h"
#include "Library/LoopInfo.h"
#include <atomic>
#include <vector>

namespace loopmind {

class AnalysisCache;

LoopInfo analyseLoopFile(const std::filesystem::path& path);

/** What a scan did: files decoded and analysed, and files answered from the cache. */
struct AnalysisCounts {
    std::atomic<int> decoded { 0 };
    std::atomic<int> fromCache { 0 };
};

/** jobs <= 0 means one per core. Cancellation leaves unfinished entries with an error saying so. */
std::vector<LoopInfo> analyseLoopFiles(const std::vector<std::filesystem::path>& files, int jobs, JobControl& control);

/** The same, answering unchanged files from cache (may be null) and storing new results in batches. */
std::vector<LoopInfo> analyseLoopFiles(const std::vector<std::filesystem::path>& files, int jobs, JobControl& control,
                                       AnalysisCache* cache, AnalysisCounts* counts = nullptr);

} // namespace loopmind
