#pragma once
// What the audio thread plays: a private graph built from the tracks, its compiled plan and the meters.
// Built and freed on the message thread; handed to the audio thread by one atomic swap.
#include "Engine/FrozenAudio.h"
#include "Engine/LoudnessMeter.h"
#include "Engine/RenderPlan.h"
#include "Engine/TrackGraph.h"
#include <memory>

namespace loopmind {

struct EngineSession {
    std::unique_ptr<juce::AudioProcessorGraph> graph;
    TrackGraphNodes nodes;
    std::unique_ptr<RenderPlan> plan;
    int masterStep = -1;
    std::vector<int> trackSteps;
    std::unique_ptr<LoudnessMeter[]> trackMeters;
    std::vector<int> busSteps;                  // the returns' outputs, then the groups'
    std::unique_ptr<LoudnessMeter[]> busMeters; // one per bus step
    std::int64_t lengthInSamples = 0;
    /** Frozen inputs swapped into strips of this session (AudioEngine::swapInFrozenTrack); message thread only,
        freed with the session, when the audio thread can no longer read them. */
    std::vector<std::unique_ptr<FrozenSource>> frozenSources;

    static Result<std::unique_ptr<EngineSession>> build(const std::vector<PlaybackTrack>& tracks, const MixerLayout& layout,
                                                        std::int64_t length, double sampleRate, int maxBlockSize);
};

} // namespace loopmind
