#include "Arrangement/LoopScorer.h"
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/KeyRelation.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
double stretchAmount(const LoopInfo& loop, double bpm)
{
    const double ratio = AIArrangementEngine::stretchRatio(loop, bpm);
    if (!(ratio > 0))
        return 1;
    return std::min(1.0, std::abs(std::log(ratio)) / std::log(AIArrangementEngine::maxStretchRatio));
}
} // namespace

const std::array<const char*, LoopFeatures::count>& LoopFeatures::names()
{
    static const std::array<const char*, count> n { "sameKey",    "relativeKey",    "fifthKey",      "unpitched", "stretch",
                                                    "loudness",   "lengthBars",     "bpmConfidence", "keyConfidence", "roleConfidence" };
    return n;
}

LoopFeatures loopFeatures(const LoopInfo& loop, const LoopSlot& slot)
{
    LoopFeatures f;
    const auto relation = keyRelation(slot.projectKey, loop.key);
    const bool measured = loop.lufs && std::isfinite(*loop.lufs) && *loop.lufs > -70.0;
    const double beats = loop.bpm ? loop.durationSeconds * *loop.bpm / 60.0 : 0.0;
    f.values = { relation == "same key" ? 1.0 : 0.0,
                 relation == "relative major/minor" ? 1.0 : 0.0,
                 relation == "a fifth apart" ? 1.0 : 0.0,
                 relation == "unpitched" || relation == "no project key" ? 1.0 : 0.0,
                 stretchAmount(loop, slot.projectBpm),
                 std::clamp(((measured ? *loop.lufs : -10.0) + 30.0) / 30.0, 0.0, 1.0), // -30 LUFS -> 0, 0 LUFS -> 1
                 std::clamp(beats / 64.0, 0.0, 1.0),                                    // 16 bars of 4/4 -> 1
                 std::clamp(loop.bpmConfidence, 0.0, 1.0),
                 std::clamp(loop.keyConfidence, 0.0, 1.0),
                 std::clamp(loop.roleConfidence, 0.0, 1.0) };
    return f;
}

double RuleLoopScorer::score(const LoopInfo& loop, const LoopSlot& slot) const
{
    const auto relation = keyRelation(slot.projectKey, loop.key);
    double key = 0.9; // unpitched or no project key
    if (relation == "same key") key = 1.0;
    else if (relation == "relative major/minor") key = 0.95;
    else if (relation == "a fifth apart") key = 0.85;
    return std::round(key * (1.0 - 0.5 * stretchAmount(loop, slot.projectBpm)) * 1000.0) / 1000.0;
}

} // namespace loopmind
