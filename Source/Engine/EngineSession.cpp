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
    for (const auto& track : s->nodes.tracks)
        s->trackSteps.push_back(s->plan->stepIndexOf(track.output));
    s->trackMeters.reset(new LoudnessMeter[tracks.size() + 1]);
    for (size_t i = 0; i < tracks.size(); ++i)
        s->trackMeters[i].prepare(sampleRate);
    for (const auto* buses : { &s->nodes.returns, &s->nodes.groups })
        for (const auto& bus : *buses)
            s->busSteps.push_back(s->plan->stepIndexOf(bus.output));
    s->busMeters.reset(new LoudnessMeter[s->busSteps.size() + 1]);
    for (size_t i = 0; i < s->busSteps.size(); ++i)
        s->busMeters[i].prepare(sampleRate);
    s->lengthInSamples = length;
    return R::success(std::move(s));
}

} // namespace loopmind
