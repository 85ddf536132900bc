#pragma once
// The graph every song becomes, live or offline. Per track: a clip player, the track's inserts, its channel strip.
// Strips feed a group bus or the master; sends feed return buses; returns and groups are strips of their own
// (inserts, then a channel strip); the master strip (inserts, fader) is the mix that mastering receives.
// Built into a caller-owned juce::AudioProcessorGraph.
#include "Core/MixerSettings.h"
#include "Effects/BuiltInEffect.h"
#include "Engine/ChannelStripProcessor.h"
#include "Engine/ClipPlayerProcessor.h"
#include "Engine/StreamedPlayerProcessor.h"
#include "Engine/TransportPlayHead.h"
#include "Plugins/HostedPluginProcessor.h"
#include <juce_audio_processors/juce_audio_processors.h>
#include <memory>
#include <string>
#include <vector>

namespace loopmind {

/** One track ready to play: stereo audio at the session rate, where on the timeline it sounds, its strip. */
struct PlaybackTrack {
    std::string name;
    std::string role;
    std::shared_ptr<const juce::AudioBuffer<float>> audio;
    std::vector<PlaybackSegment> segments;
    double gainDb = 0;  // the track's balance trim, before its inserts
    ChannelStrip strip; // fader, pan, mute, solo, polarity, inserts, sends, output
    std::shared_ptr<BlockStream> stream; // instead of audio and segments: read block by block from the start (offline only)
    /** Frozen (Render/StemFreezer): `audio` is the track's player and inserts rendered from the song's start; it
        plays as it is, and segments, gainDb and the strip's inserts are already in it. */
    bool frozen = false;
};

/** Where the song plays and at what tempo: the mixer's buses and the tempo its effects follow. */
struct MixerLayout {
    MixerSettings mixer;
    double bpm = 120;
};

/** One strip in the graph: feeds go to `input` (its first insert, or the strip itself). */
struct StripNodes {
    juce::AudioProcessorGraph::NodeID input, output;
    ChannelStripProcessor* strip = nullptr;
    std::vector<effects::BuiltInEffect*> inserts;             // per slot; null where bypassed, not made or a plug-in
    std::vector<plugins::HostedPluginProcessor*> plugins;     // per slot; the hosted plug-in, else null
    std::vector<juce::AudioProcessorGraph::NodeID> insertNodes; // per slot; 0 where bypassed or not made
};

struct TrackGraphNodes {
    juce::AudioProcessorGraph::NodeID master;                // the master strip's output: the mix
    /** What the master strip sums: tracks that play to the master, then groups, then returns, by name. These are
        the stems, so that they add up to the mix (exactly, while the master strip is at unity with no inserts). */
    std::vector<std::pair<std::string, juce::AudioProcessorGraph::NodeID>> masterFeeds;
    std::vector<ClipPlayerProcessor*> players;
    std::vector<StreamedPlayerProcessor*> streamedPlayers; // the render thread prefetches each block for these
    std::vector<juce::AudioProcessorGraph::NodeID> trackPlayers; // per track: what plays its audio, before the inserts
    std::vector<StripNodes> tracks, returns, groups;
    StripNodes masterStrip;
    std::unique_ptr<TransportPlayHead> playHead; // every effect's; set its position before each block
    std::vector<std::string> problems;           // settings that could not be honoured (unknown effect, bus, ...)
};

/** A track's signal before its channel strip (its last insert, else its player): what a freeze renders. */
juce::AudioProcessorGraph::NodeID preStripNode(const TrackGraphNodes& nodes, size_t track);

TrackGraphNodes buildTrackGraph(juce::AudioProcessorGraph& graph, const std::vector<PlaybackTrack>& tracks,
                                const MixerLayout& layout, double sampleRate);

/** Pushes a strip's settings to its processor; `soloedAway` mutes it because other strips are soloed. */
void applyStrip(ChannelStripProcessor& processor, const ChannelStrip& settings, bool soloedAway);

/** Mute, fader, pan, sends of every strip, with solo: when any track is soloed, the other tracks fall silent
    (returns and groups stay open, so a soloed track keeps its reverb and its bus). Message thread. */
void applyMixer(TrackGraphNodes& nodes, const std::vector<PlaybackTrack>& tracks, const MixerSettings& mixer);

} // namespace loopmind
