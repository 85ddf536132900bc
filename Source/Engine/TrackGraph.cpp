#include "Engine/TrackGraph.h"

namespace loopmind {

TrackGraphNodes buildTrackGraph(juce::AudioProcessorGraph& graph, const std::vector<PlaybackTrack>& tracks)
{
    TrackGraphNodes nodes;
    auto master = std::make_unique<MasterBusProcessor>();
    nodes.masterBus = master.get();
    nodes.master = graph.addNode(std::move(master))->nodeID;
    for (const auto& t : tracks) {
        auto player = std::make_unique<ClipPlayerProcessor>(t.audio, t.segments);
        auto gainPan = std::make_unique<GainPanProcessor>(t.gainDb, t.pan);
        nodes.players.push_back(player.get());
        nodes.gainPans.push_back(gainPan.get());
        const auto playerId = graph.addNode(std::move(player))->nodeID;
        const auto gainPanId = graph.addNode(std::move(gainPan))->nodeID;
        for (int c = 0; c < 2; ++c) {
            graph.addConnection({ { playerId, c }, { gainPanId, c } });
            graph.addConnection({ { gainPanId, c }, { nodes.master, c } });
        }
        nodes.trackOutputs.push_back(gainPanId);
    }
    return nodes;
}

} // namespace loopmind
