#pragma once
// The graph every song becomes, live or offline: per track a clip player feeding a gain/pan node, and every
// gain/pan node feeding the master bus. Built into a caller-owned juce::AudioProcessorGraph.
#include "Engine/ClipPlayerProcessor.h"
#include "Engine/GainPanProcessor.h"
#include <juce_audio_processors/juce_audio_processors.h>
#include <string>
#include <vector>

namespace loopmind {

/** One track ready to play: stereo audio at the session rate and where on the timeline it sounds. */
struct PlaybackTrack {
    std::string name;
    std::string role;
    std::shared_ptr<const juce::AudioBuffer<float>> audio;
    std::vector<PlaybackSegment> segments;
    double gainDb = 0;
    double pan = 0;
};

struct TrackGraphNodes {
    juce::AudioProcessorGraph::NodeID master;
    std::vector<juce::AudioProcessorGraph::NodeID> trackOutputs; // the gain/pan node of each track
    std::vector<ClipPlayerProcessor*> players;
    std::vector<GainPanProcessor*> gainPans;
    MasterBusProcessor* masterBus = nullptr;
};

TrackGraphNodes buildTrackGraph(juce::AudioProcessorGraph& graph, const std::vector<PlaybackTrack>& tracks);

} // namespace loopmind
