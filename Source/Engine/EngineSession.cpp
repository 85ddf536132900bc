#include "Engine/EngineSession.h"

namespace loopmind {

Result<std::unique_ptr<EngineSession>> EngineSession::build(const std::vector<PlaybackTrack>& tracks, const MixerLayout& layout,
                                                            std::int64_t length, double sampleRate, int maxBlockSize)
{
    using R = Result<std::unique_ptr<EngineSession>>;
    auto s = std::make_unique<EngineSession>();
    s->graph = std::make_unique<juce::AudioProcessorGraph>();
    s->nodes = buildTrackGraph(*s->graph, tracks, layout, sampleRate);
    prepareGraphNodes(*s->graph, sampleRate, maxBlockSize); // first: the plan reads each node's latency
    auto plan = compileRenderPlan(*s->graph, maxBlockSize);
    if (!plan)
        return R::failure(plan.error());
    s->plan = std::move(plan.value());
    s->masterStep = s->plan->stepIndexOf(s->nodes.master);
    // A meter per strip output: the tracks', then the returns' and the groups'.
    auto metered = [&](std::initializer_list<const std::vector<StripNodes>*> strips, std::vector<int>& steps,
                       std::unique_ptr<LoudnessMeter[]>& meters) {
        for (const auto* list : strips)
            for (const auto& strip : *list)
                steps.push_back(s->plan->stepIndexOf(strip.output));
        meters.reset(new LoudnessMeter[steps.size() + 1]);
        for (size_t i = 0; i < steps.size(); ++i)
            meters[i].prepare(sampleRate);
    };
    metered({ &s->nodes.tracks }, s->trackSteps, s->trackMeters);
    metered({ &s->nodes.returns, &s->nodes.groups }, s->busSteps, s->busMeters);
    s->lengthInSamples = length;
    return R::success(std::move(s));
}

} // namespace loopmind
