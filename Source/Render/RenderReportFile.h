#pragma once
// render-report.json: what a render measured and did, beside the mix. No timings, so that the same
// render writes the same report, byte for byte.
#include "Core/Result.h"
#include "Render/AIAsyncRenderer.h"

namespace loopmind {

std::string renderReportJson(const RenderReport& report, const OutputSettings& output);
Status writeRenderReport(const RenderReport& report, const OutputSettings& output);

} // namespace loopmind
