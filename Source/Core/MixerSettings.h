#pragma once
// The mixer as plain data: what arrangement.json's `mixer` section holds and what the engine builds its graph
// from. Shared vocabulary between the Arrangement room (files) and the Engine (graphs), so it lives in Core.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loopmind {

/** A hosted plug-in: who it is (enough to find it again) and its saved state. */
struct PluginReference {
    std::string format;     // "LV2", "VST3", "LADSPA"
    std::string identifier; // an LV2 URI, or the plug-in file's path
    std::string name, vendor, version;
    int uniqueId = 0;       // the format's own ID (VST3 and LADSPA tell plug-ins in one file apart by it)
    std::string state;      // base64 of the plug-in's own state (its parameters and private data); empty: its defaults
};

/** One insert slot: a built-in effect by type name, or a hosted plug-in (type "plugin"), in slot order. */
struct EffectSlot {
    static constexpr const char* pluginType = "plugin";
    std::string type;                         // "eq", "compressor", ... (Effects/EffectFactory), or pluginType
    /** Built-ins: plain values by ID. Plug-ins: normalised values (0..1) by the plug-in's parameter ID, applied over
        its state. IDs the effect does not know are reported; missing ones keep their values. */
    std::map<std::string, double> parameters;
    bool bypassed = false;
    std::string sidechainTrack;               // a compressor's detector input: another track's name; empty: none
    std::string reason;                       // why the arranger put it there; empty for the user's own
    std::optional<PluginReference> plugin;    // with type "plugin"
};

/** A send from a strip to a return bus. */
struct MixerSend {
    int returnBus = 0;      // index into MixerSettings::returns
    double levelDb = -12;
    bool preFader = false;  // pre: taken before the fader and pan; a muted strip sends nothing either way
};

struct ChannelStrip {
    static constexpr int maxInserts = 8, maxSends = 2;
    double volumeDb = 0;    // the fader, after the inserts
    double pan = 0;         // -1 left .. +1 right (balance law, unity at centre)
    bool mute = false, solo = false;
    bool invertPolarity = false;
    std::vector<EffectSlot> inserts;
    std::vector<MixerSend> sends;
    std::string output;     // a group bus's name; empty: the master
};

/** A return (fed by sends) or a group (fed by strips' outputs): a strip of its own. */
struct MixerBus {
    std::string name;
    ChannelStrip strip;
    std::string reason;
};

/** Everything but the tracks' own strips (they travel with their tracks). */
struct MixerSettings {
    std::vector<MixerBus> returns;
    std::vector<MixerBus> groups;
    ChannelStrip master; // inserts before the mastering chain; master sends and output are ignored

    bool empty() const { return returns.empty() && groups.empty() && master.inserts.empty() && master.volumeDb == 0; }
};

/** Which strip: a track's (by index), a return's, a group's, or the master. */
struct StripRef {
    enum class Kind { track, returnBus, group, master };
    Kind kind = Kind::master;
    int index = 0;
    bool operator==(const StripRef& o) const { return kind == o.kind && (kind == Kind::master || index == o.index); }
};

/** The strip `ref` names among a song's tracks (anything with a `strip`) and its mixer; null if there is none.
    Const or not, as tracks and mixer are. */
template <typename Tracks, typename Mixer>
auto findStrip(Tracks& tracks, Mixer& mixer, StripRef ref) -> decltype(&mixer.master)
{
    auto at = [&](auto& list) -> decltype(&mixer.master) {
        return ref.index >= 0 && ref.index < int(list.size()) ? &list[size_t(ref.index)].strip : nullptr;
    };
    switch (ref.kind) {
    case StripRef::Kind::track: return at(tracks);
    case StripRef::Kind::returnBus: return at(mixer.returns);
    case StripRef::Kind::group: return at(mixer.groups);
    case StripRef::Kind::master: return &mixer.master;
    }
    return nullptr;
}

/** Every strip of a song, in mixer order: tracks, returns, groups, the master. */
template <typename Tracks, typename Mixer>
std::vector<StripRef> allStrips(const Tracks& tracks, const Mixer& mixer)
{
    std::vector<StripRef> refs;
    for (int t = 0; t < int(tracks.size()); ++t)
        refs.push_back({ StripRef::Kind::track, t });
    for (int r = 0; r < int(mixer.returns.size()); ++r)
        refs.push_back({ StripRef::Kind::returnBus, r });
    for (int g = 0; g < int(mixer.groups.size()); ++g)
        refs.push_back({ StripRef::Kind::group, g });
    refs.push_back({ StripRef::Kind::master, 0 });
    return refs;
}

/** The same graph? Differences in inserts (types, bypass, sidechains), send targets or outputs are not. */
bool sameMixerTopology(const ChannelStrip& a, const ChannelStrip& b);
/** Nothing the engine plays differs (mute and solo are the app's lanes'). */
bool sameSettings(const ChannelStrip& x, const ChannelStrip& y);

} // namespace loopmind
