#pragma once
// Prepares a RenderJob: decodes the loops an arrangement names (or the stems to mix), makes them
// stereo at the output rate, and turns bars into timeline samples.
#include "Arrangement/Arrangement.h"
#include "Render/RenderJob.h"

namespace loopmind {

struct PreparedJob {
    RenderJob job;
    std::vector<std::string> problems; // one sentence per track that could not be prepared; the rest goes on
};

PreparedJob prepareArrangementJob(const Arrangement& arrangement, const OutputSettings& output);

/** Stems aligned at 0, mixed as they are; the job's rate is outputRate, or the first stem's rate. */
PreparedJob prepareStemMixJob(const std::vector<std::filesystem::path>& stems, std::optional<double> outputRate,
                              const OutputSettings& output);

} // namespace loopmind
