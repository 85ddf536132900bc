#include "Library/LoopInfo.h"
#include "Core/PathText.h"
#include <cmath>
#include <nlohmann/json.hpp>

namespace loopmind {
namespace {
// JSON has no NaN or Infinity: a value we could not measure is null.
nlohmann::json number(std::optional<double> v)
{
    return v && std::isfinite(*v) ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
nlohmann::json text(const std::optional<std::string>& v)
{
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
double rounded(double v, double step) { return std::isfinite(v) ? std::round(v / step) * step : 0.0; }
} // namespace

nlohmann::json toJson(const LoopInfo& i)
{
    auto r = [](std::optional<double> v, double step) { return v ? std::optional<double>(rounded(*v, step)) : v; };
    return {
        { "path", pathText(i.path) },
        { "ok", i.ok },
        { "error", text(i.error) },
        { "warning", text(i.warning) },
        { "format", i.format },
        { "durationSeconds", rounded(i.durationSeconds, 1e-6) },
        { "sampleRate", i.sampleRate },
        { "channels", i.channels },
        { "bitDepth", i.bitDepth },
        { "bpm", number(r(i.bpm, 0.001)) },
        { "bpmConfidence", rounded(i.bpmConfidence, 0.001) },
        { "beats", i.beats },
        { "tempoFromFile", i.tempoFromFile },
        { "key", text(i.key) },
        { "keyConfidence", rounded(i.keyConfidence, 0.001) },
        { "role", text(i.role) },
        { "roleConfidence", rounded(i.roleConfidence, 0.001) },
        { "lufs", number(r(i.lufs, 0.01)) },
        { "truePeakDb", number(r(i.truePeakDb, 0.01)) },
        { "lra", number(r(i.lra, 0.01)) },
        { "wrapJumpDb", number(r(i.wrapJumpDb, 0.1)) },
        { "wrapClicks", i.wrapClicks },
    };
}

} // namespace loopmind
