#include "Engine/TrackGraph.h"
#include "Effects/EffectFactory.h"
#include "Engine/FrozenPlayerProcessor.h"
#include "Plugins/PluginSlot.h"
#include <algorithm>

namespace loopmind {

using NodeID = juce::AudioProcessorGraph::NodeID;

namespace {

void connectPair(juce::AudioProcessorGraph& graph, NodeID from, int fromChannel, NodeID to, int toChannel)
{
    for (int c = 0; c < 2; ++c)
        graph.addConnection({ { from, fromChannel + c }, { to, toChannel + c } });
}

/** Would feeding `to` from `from` close a loop? */
bool feedsBack(const juce::AudioProcessorGraph& graph, NodeID from, NodeID to)
{
    return from == to || graph.isAnInputTo(*graph.getNodeForId(to), *graph.getNodeForId(from));
}

class StripBuilder {
public:
    StripBuilder(juce::AudioProcessorGraph& graph, TrackGraphNodes& nodes, double bpm, double sampleRate)
        : graph_(graph), nodes_(nodes), bpm_(bpm), sampleRate_(sampleRate)
    {
    }

    StripNodes add(const ChannelStrip& settings, int sends, const std::string& where)
    {
        StripNodes strip;
        std::optional<NodeID> previous;
        const int slots = std::min(int(settings.inserts.size()), ChannelStrip::maxInserts);
        if (int(settings.inserts.size()) > slots)
            nodes_.problems.push_back(where + ": only the first " + std::to_string(slots) + " inserts play");
        for (int i = 0; i < slots; ++i) {
            const auto& slot = settings.inserts[size_t(i)];
            if (slot.type == EffectSlot::pluginType) {
                addPlugin(slot, i, strip, previous, where);
                continue;
            }
            auto effect = slot.bypassed ? nullptr : effects::createEffect(slot.type);
            if (effect == nullptr) {
                if (!slot.bypassed)
                    nodes_.problems.push_back(where + ": insert " + std::to_string(i + 1) + ": no effect called '" + slot.type + "'");
                strip.inserts.push_back(nullptr);
                strip.plugins.push_back(nullptr);
                strip.insertNodes.push_back({});
                continue;
            }
            for (const auto& [id, value] : slot.parameters)
                if (!effect->setParameter(id, float(value)))
                    nodes_.problems.push_back(where + ": insert " + std::to_string(i + 1) + " (" + slot.type + "): no parameter '" + id + "'");
            effect->setTempo(bpm_);
            effect->setPlayHead(nodes_.playHead.get());
            strip.inserts.push_back(effect.get());
            strip.plugins.push_back(nullptr);
            chain(strip, previous, graph_.addNode(std::move(effect))->nodeID);
        }
        auto processor = std::make_unique<ChannelStripProcessor>(sends);
        strip.strip = processor.get();
        strip.output = graph_.addNode(std::move(processor))->nodeID;
        if (previous)
            connectPair(graph_, *previous, 0, strip.output, 0);
        else
            strip.input = strip.output;
        return strip;
    }

private:
    /** The next insert in the strip's chain. */
    void chain(StripNodes& strip, std::optional<NodeID>& previous, NodeID id)
    {
        strip.insertNodes.push_back(id);
        if (previous)
            connectPair(graph_, *previous, 0, id, 0);
        else
            strip.input = id;
        previous = id;
    }

    /** A hosted plug-in's slot; one that cannot be made is reported by name and left out (the song plays on). */
    void addPlugin(const EffectSlot& slot, int index, StripNodes& strip, std::optional<NodeID>& previous, const std::string& where)
    {
        const std::string slotName = where + ": insert " + std::to_string(index + 1);
        std::unique_ptr<plugins::HostedPluginProcessor> processor;
        if (!slot.bypassed) {
            std::vector<std::string> problems;
            auto made = plugins::makePluginProcessor(slot, sampleRate_, pluginBlockSize, problems);
            for (const auto& p : problems)
                nodes_.problems.push_back(slotName + ": " + p);
            if (made)
                processor = std::move(made.value());
            else
                nodes_.problems.push_back(slotName + ": " + made.error() + "; the slot is bypassed");
        }
        strip.inserts.push_back(nullptr);
        strip.plugins.push_back(processor.get());
        if (processor == nullptr) {
            strip.insertNodes.push_back({});
            return;
        }
        chain(strip, previous, graph_.addNode(std::move(processor))->nodeID);
    }

    static constexpr int pluginBlockSize = 512; // the first prepareToPlay sets the real one

    juce::AudioProcessorGraph& graph_;
    TrackGraphNodes& nodes_;
    double bpm_, sampleRate_;
};

int sendCount(const ChannelStrip& s) { return std::min(int(s.sends.size()), ChannelStrip::maxSends); }

ChannelStrip withoutInserts(ChannelStrip s) // a frozen track's inserts are in its audio
{
    s.inserts.clear();
    return s;
}

} // namespace

NodeID preStripNode(const TrackGraphNodes& nodes, size_t track)
{
    const auto& inserts = nodes.tracks[track].insertNodes;
    for (auto i = inserts.rbegin(); i != inserts.rend(); ++i)
        if (*i != NodeID {})
            return *i;
    return nodes.trackPlayers[track];
}

TrackGraphNodes buildTrackGraph(juce::AudioProcessorGraph& graph, const std::vector<PlaybackTrack>& tracks,
                                const MixerLayout& layout, double sampleRate)
{
    TrackGraphNodes nodes;
    nodes.playHead = std::make_unique<TransportPlayHead>(layout.bpm, sampleRate);
    StripBuilder builder(graph, nodes, layout.bpm, sampleRate);
    const auto& mixer = layout.mixer;
    nodes.masterStrip = builder.add(mixer.master, 0, "master");
    nodes.master = nodes.masterStrip.output;
    for (const auto& r : mixer.returns)
        nodes.returns.push_back(builder.add(r.strip, 0, "return '" + r.name + "'"));
    for (const auto& g : mixer.groups)
        nodes.groups.push_back(builder.add(g.strip, 0, "group '" + g.name + "'"));

    // A strip's output: the group it names, else the master (a name that is no group, or would loop, is reported).
    auto destinationOf = [&](const ChannelStrip& s, NodeID from, const std::string& where) {
        if (s.output.empty())
            return nodes.masterStrip.input;
        for (size_t g = 0; g < mixer.groups.size(); ++g)
            if (mixer.groups[g].name == s.output) {
                if (!feedsBack(graph, from, nodes.groups[g].input))
                    return nodes.groups[g].input;
                nodes.problems.push_back(where + ": sending to group '" + s.output + "' would feed back; it plays to the master");
                return nodes.masterStrip.input;
            }
        nodes.problems.push_back(where + ": no group called '" + s.output + "'; it plays to the master");
        return nodes.masterStrip.input;
    };

    for (const auto& t : tracks) {
        auto segments = t.segments; // the trim rides on the player's gains: one node fewer per track
        const float trim = juce::Decibels::decibelsToGain(float(t.gainDb), -120.0f);
        for (auto& s : segments)
            s.gain *= trim;
        std::unique_ptr<juce::AudioProcessor> player;
        if (t.frozen) {
            player = std::make_unique<FrozenPlayerProcessor>(t.audio, *nodes.playHead);
        } else if (t.stream) {
            auto streamed = std::make_unique<StreamedPlayerProcessor>(t.stream, trim);
            nodes.streamedPlayers.push_back(streamed.get());
            player = std::move(streamed);
        } else {
            auto clip = std::make_unique<ClipPlayerProcessor>(t.audio, std::move(segments));
            nodes.players.push_back(clip.get());
            player = std::move(clip);
        }
        const auto playerId = graph.addNode(std::move(player))->nodeID;
        const auto where = "track '" + t.name + "'";
        auto strip = t.frozen ? builder.add(withoutInserts(t.strip), sendCount(t.strip), where) : builder.add(t.strip, sendCount(t.strip), where);
        nodes.trackPlayers.push_back(playerId);
        connectPair(graph, playerId, 0, strip.input, 0);
        nodes.tracks.push_back(std::move(strip));
    }
    auto route = [&](const std::string& name, const ChannelStrip& settings, NodeID output, const std::string& where) {
        const auto destination = destinationOf(settings, output, where);
        connectPair(graph, output, 0, destination, 0);
        if (destination == nodes.masterStrip.input)
            nodes.masterFeeds.emplace_back(name, output);
    };
    for (size_t i = 0; i < tracks.size(); ++i) {
        const auto& settings = tracks[i].strip;
        const auto& strip = nodes.tracks[i];
        const auto where = "track '" + tracks[i].name + "'";
        route(tracks[i].name, settings, strip.output, where);
        for (int s = 0; s < sendCount(settings); ++s) {
            const int bus = settings.sends[size_t(s)].returnBus;
            if (bus >= 0 && bus < int(nodes.returns.size()))
                connectPair(graph, strip.output, ChannelStripProcessor::sendChannel(s), nodes.returns[size_t(bus)].input, 0);
            else
                nodes.problems.push_back(where + ": send " + std::to_string(s + 1) + " names no return bus");
        }
        for (size_t slot = 0; slot < strip.inserts.size(); ++slot) {
            const auto& source = settings.inserts[slot].sidechainTrack;
            if (source.empty() || strip.inserts[slot] == nullptr)
                continue;
            const auto found = std::find_if(tracks.begin(), tracks.end(), [&](const auto& t) { return t.name == source; });
            const auto insert = strip.insertNodes[slot];
            if (found == tracks.end())
                nodes.problems.push_back(where + ": sidechain from '" + source + "': no such track");
            else if (strip.inserts[slot]->getTotalNumInputChannels() < 4)
                nodes.problems.push_back(where + ": " + settings.inserts[slot].type + " has no sidechain input");
            else if (const auto from = nodes.tracks[size_t(found - tracks.begin())].output; feedsBack(graph, from, insert))
                nodes.problems.push_back(where + ": sidechain from '" + source + "' would feed back");
            else {
                connectPair(graph, from, 0, insert, 2);
                if (settings.inserts[slot].parameters.count("sidechain") == 0)
                    strip.inserts[slot]->setParameter("sidechain", 1.0f);
            }
        }
    }
    for (size_t g = 0; g < nodes.groups.size(); ++g)
        route(mixer.groups[g].name, mixer.groups[g].strip, nodes.groups[g].output, "group '" + mixer.groups[g].name + "'");
    for (size_t r = 0; r < nodes.returns.size(); ++r)
        route(mixer.returns[r].name + " return", mixer.returns[r].strip, nodes.returns[r].output, "return '" + mixer.returns[r].name + "'");
    applyMixer(nodes, tracks, mixer);
    return nodes;
}

void applyStrip(ChannelStripProcessor& processor, const ChannelStrip& settings, bool soloedAway)
{
    processor.setVolumeDb(settings.volumeDb);
    processor.setPan(settings.pan);
    processor.setMuted(settings.mute || soloedAway);
    processor.setPolarityInverted(settings.invertPolarity);
    for (int s = 0; s < std::min(int(settings.sends.size()), processor.sendCount()); ++s)
        processor.setSend(s, settings.sends[size_t(s)].levelDb, settings.sends[size_t(s)].preFader);
}

void applyMixer(TrackGraphNodes& nodes, const std::vector<PlaybackTrack>& tracks, const MixerSettings& mixer)
{
    const bool anySolo = std::any_of(tracks.begin(), tracks.end(), [](const auto& t) { return t.strip.solo; });
    for (size_t i = 0; i < tracks.size() && i < nodes.tracks.size(); ++i)
        applyStrip(*nodes.tracks[i].strip, tracks[i].strip, anySolo && !tracks[i].strip.solo);
    for (size_t r = 0; r < mixer.returns.size() && r < nodes.returns.size(); ++r)
        applyStrip(*nodes.returns[r].strip, mixer.returns[r].strip, false);
    for (size_t g = 0; g < mixer.groups.size() && g < nodes.groups.size(); ++g)
        applyStrip(*nodes.groups[g].strip, mixer.groups[g].strip, false);
    applyStrip(*nodes.masterStrip.strip, mixer.master, false);
}

} // namespace loopmind
