#include "Render/RenderReportFile.h"
#include "Core/AtomicFile.h"
#include "Core/PathText.h"
#include <cmath>
#include <nlohmann/json.hpp>

namespace loopmind {
namespace {
using nlohmann::json;

// Two decimals are more than any meter resolves, and keep the report readable.
json rounded(double v) { return std::round(v * 100.0) / 100.0; }
json rounded(const std::optional<double>& v) { return v ? rounded(*v) : json(nullptr); }
json precise(double v) { return std::round(v * 1e9) / 1e9; }

json loudness(const mastering::Loudness& l)
{
    return { { "integratedLufs", rounded(l.integratedLufs) }, { "truePeakDbtp", rounded(l.truePeakDb) }, { "lraLu", rounded(l.lra) } };
}
} // namespace

std::string renderReportJson(const RenderReport& r, const OutputSettings& output)
{
    json j;
    j["reportVersion"] = 1;
    j["lengthSeconds"] = precise(r.lengthSeconds);
    j["premaster"] = loudness(r.premaster);
    j["premaster"]["samplePeakDbfs"] = rounded(r.mixPeakDb);
    j["mastered"] = r.mastered;
    if (r.mastered) {
        const auto& c = r.chain;
        j["chain"] = { { "intensity", rounded(output.mastering.intensity) },
                       { "highPassHz", rounded(c.highPassHz) },
                       { "lowShelfDb", rounded(c.eq.lowShelfDb) },
                       { "highShelfDb", rounded(c.eq.highShelfDb) },
                       { "glueThresholdDb", rounded(c.glueThresholdDb) },
                       { "glueRatio", rounded(c.glueRatio) },
                       { "glueMaxReductionDb", rounded(c.glueMaxReductionDb) },
                       { "limiterLookaheadSamples", c.latencySamples },
                       { "latencyCompensated", true } };
    }
    j["targets"] = json::array();
    for (const auto& m : r.masters) {
        const auto& x = m.measurements;
        json t { { "name", x.target.name },
                 { "file", pathText(m.path) },
                 { "targetLufs", rounded(x.target.lufs) },
                 { "ceilingDbtp", rounded(x.target.truePeakDb) },
                 { "measured", loudness(x.measured) },
                 { "gainAppliedDb", rounded(x.gainDb) },
                 { "limiterReductionDb", { { "max", rounded(x.limiter.maxReductionDb) }, { "mean", rounded(x.limiter.meanReductionDb) } } },
                 { "passes", x.passes },
                 { "verifications", x.verifications },
                 { "warnings", x.warnings } };
        // Level-matched A/B: how much louder the master is than the premaster, to listen at equal loudness.
        if (x.measured.integratedLufs && r.premaster.integratedLufs)
            t["abLevelMatchDb"] = rounded(*x.measured.integratedLufs - *r.premaster.integratedLufs);
        j["targets"].push_back(t);
    }
    if (!r.mastered)
        j["mix"] = pathText(r.mixPath);
    j["stems"] = json::array();
    for (const auto& t : r.tracks)
        j["stems"].push_back({ { "track", t.name },
                               { "file", t.stemPath ? json(pathText(*t.stemPath)) : json(nullptr) },
                               { "integratedLufs", rounded(t.integratedLufs) } });
    j["stemsResidual"] = r.stemsResidual ? json(*r.stemsResidual) : json(nullptr);
    j["warnings"] = r.warnings;
    j["problems"] = r.problems; // what could not be prepared (a loop missing or unreadable: its track is silent)
    return j.dump(2) + "\n";
}

Status writeRenderReport(const RenderReport& report, const OutputSettings& output)
{
    return writeTextFileAtomically(renderReportPath(output), renderReportJson(report, output));
}

} // namespace loopmind
