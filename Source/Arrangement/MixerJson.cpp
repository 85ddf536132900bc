#include "Arrangement/MixerJson.h"
#include <algorithm>

namespace loopmind {
using nlohmann::json;

namespace {

enum class StripKind { track, returnBus, group, master };

json insertToJson(const EffectSlot& slot)
{
    json parameters = json::object();
    for (const auto& [id, value] : slot.parameters)
        parameters[id] = value;
    json j = { { "type", slot.type }, { "parameters", parameters }, { "bypassed", slot.bypassed } };
    if (!slot.sidechainTrack.empty())
        j["sidechain"] = slot.sidechainTrack;
    if (!slot.reason.empty())
        j["reason"] = slot.reason;
    if (slot.plugin) {
        const auto& p = *slot.plugin;
        j["plugin"] = { { "format", p.format }, { "identifier", p.identifier }, { "name", p.name }, { "vendor", p.vendor },
                        { "version", p.version }, { "uniqueId", p.uniqueId }, { "state", p.state } };
    }
    return j;
}

json stripToJson(const ChannelStrip& s, const MixerSettings& mixer, StripKind kind)
{
    json j = { { "volumeDb", s.volumeDb }, { "mute", s.mute }, { "invertPolarity", s.invertPolarity } };
    if (kind != StripKind::track)
        j["pan"] = s.pan; // a track's pan is tracks[].pan
    if (kind == StripKind::track)
        j["solo"] = s.solo;
    json inserts = json::array();
    for (const auto& slot : s.inserts)
        inserts.push_back(insertToJson(slot));
    j["inserts"] = inserts;
    if (kind == StripKind::track) {
        json sends = json::array();
        for (const auto& send : s.sends)
            sends.push_back({ { "return", mixer.returns.at(size_t(send.returnBus)).name }, { "levelDb", send.levelDb }, { "preFader", send.preFader } });
        j["sends"] = sends;
    }
    if (kind != StripKind::master)
        j["output"] = s.output.empty() ? json(nullptr) : json(s.output);
    return j;
}

/** An informative note (a reason): kept when it is a string, else left empty. */
std::string noteOf(const JsonFields& f)
{
    return f.has("reason") && f.get("reason").is_string() ? f.get("reason").get<std::string>() : std::string();
}

EffectSlot readInsert(const JsonFields& f)
{
    EffectSlot slot;
    slot.type = f.text("type");
    if (f.has("parameters")) {
        const auto& parameters = f.get("parameters");
        if (!parameters.is_object())
            throw FieldError { f.path("parameters") + ": expected an object of parameter IDs and numbers" };
        for (const auto& [id, value] : parameters.items()) {
            if (!value.is_number() || !std::isfinite(value.get<double>()))
                throw FieldError { f.path("parameters") + "." + id + ": expected a number" };
            slot.parameters[id] = value.get<double>();
        }
    }
    slot.bypassed = f.flag("bypassed", false);
    slot.sidechainTrack = f.has("sidechain") ? f.text("sidechain") : std::string();
    slot.reason = noteOf(f);
    if (slot.type == EffectSlot::pluginType) {
        // A hosted plug-in: who it is, and its state (base64). Parameters are then normalised values (0..1).
        const JsonFields p(f.get("plugin"), f.path("plugin"));
        PluginReference ref;
        ref.format = p.text("format");
        ref.identifier = p.text("identifier");
        const auto maybeEmpty = [&](const char* name) { // informative strings, which a plug-in may leave empty
            if (!p.has(name))
                return std::string();
            if (!p.get(name).is_string())
                throw FieldError { p.path(name) + ": expected a string" };
            return p.get(name).get<std::string>();
        };
        ref.name = maybeEmpty("name");
        if (ref.name.empty())
            ref.name = ref.identifier;
        ref.vendor = maybeEmpty("vendor");
        ref.version = maybeEmpty("version");
        ref.uniqueId = p.has("uniqueId") ? int(p.number("uniqueId", -2147483648.0, 2147483647.0)) : 0;
        ref.state = maybeEmpty("state");
        for (const auto& [id, value] : slot.parameters)
            if (value < 0 || value > 1)
                throw FieldError { f.path("parameters") + "." + id + ": a plug-in's parameters are normalised, 0 to 1" };
        slot.plugin = std::move(ref);
    }
    return slot;
}

ChannelStrip readStrip(const JsonFields& f, const MixerSettings& mixer, StripKind kind)
{
    ChannelStrip s;
    s.volumeDb = f.has("volumeDb") ? f.number("volumeDb", -120, 24) : 0.0;
    if (kind != StripKind::track)
        s.pan = f.has("pan") ? f.number("pan", -1, 1) : 0.0;
    s.mute = f.flag("mute", false);
    s.solo = kind == StripKind::track && f.flag("solo", false);
    s.invertPolarity = f.flag("invertPolarity", false);
    if (f.has("inserts")) {
        const auto& inserts = f.array("inserts");
        if (inserts.size() > size_t(ChannelStrip::maxInserts))
            throw FieldError { f.path("inserts") + ": at most " + std::to_string(ChannelStrip::maxInserts) + " inserts" };
        for (size_t i = 0; i < inserts.size(); ++i)
            s.inserts.push_back(readInsert(JsonFields(inserts[i], f.path("inserts") + "[" + std::to_string(i) + "]")));
    }
    if (kind == StripKind::track && f.has("sends")) {
        const auto& sends = f.array("sends");
        if (sends.size() > size_t(ChannelStrip::maxSends))
            throw FieldError { f.path("sends") + ": at most " + std::to_string(ChannelStrip::maxSends) + " sends" };
        for (size_t i = 0; i < sends.size(); ++i) {
            JsonFields send(sends[i], f.path("sends") + "[" + std::to_string(i) + "]");
            const auto name = send.text("return");
            const auto found = std::find_if(mixer.returns.begin(), mixer.returns.end(), [&](const auto& r) { return r.name == name; });
            if (found == mixer.returns.end())
                throw FieldError { send.path("return") + ": no return bus called '" + name + "'" };
            s.sends.push_back({ int(found - mixer.returns.begin()), send.number("levelDb", -120, 24), send.flag("preFader", false) });
        }
    }
    if (kind != StripKind::master && f.has("output")) {
        s.output = f.text("output");
        if (std::none_of(mixer.groups.begin(), mixer.groups.end(), [&](const auto& g) { return g.name == s.output; }))
            throw FieldError { f.path("output") + ": no group called '" + s.output + "'" };
    }
    return s;
}

std::vector<MixerBus> readBuses(const JsonFields& mixer, const char* name)
{
    std::vector<MixerBus> buses;
    if (!mixer.has(name))
        return buses;
    const auto& list = mixer.array(name);
    for (size_t i = 0; i < list.size(); ++i) {
        JsonFields b(list[i], mixer.path(name) + "[" + std::to_string(i) + "]");
        MixerBus bus { b.text("name"), {}, noteOf(b) };
        if (std::any_of(buses.begin(), buses.end(), [&](const auto& other) { return other.name == bus.name; }))
            throw FieldError { b.path("name") + ": '" + bus.name + "' is already the name of another bus" };
        buses.push_back(std::move(bus));
    }
    return buses;
}

} // namespace

json mixerToJson(const Arrangement& a)
{
    const auto& m = a.mixer;
    auto buses = [&](const std::vector<MixerBus>& list, StripKind kind) {
        json out = json::array();
        for (const auto& b : list) {
            json j = { { "name", b.name }, { "strip", stripToJson(b.strip, m, kind) } };
            if (!b.reason.empty())
                j["reason"] = b.reason;
            out.push_back(std::move(j));
        }
        return out;
    };
    json tracks = json::array();
    for (const auto& t : a.tracks) {
        auto strip = stripToJson(t.strip, m, StripKind::track);
        strip["track"] = t.name;
        tracks.push_back(std::move(strip));
    }
    return { { "tracks", tracks }, { "returns", buses(m.returns, StripKind::returnBus) }, { "groups", buses(m.groups, StripKind::group) },
             { "master", stripToJson(m.master, m, StripKind::master) } };
}

void readMixer(const JsonFields& mixer, Arrangement& a)
{
    // Names first: strips refer to returns and groups by name.
    a.mixer.returns = readBuses(mixer, "returns");
    a.mixer.groups = readBuses(mixer, "groups");
    auto readBusStrips = [&](std::vector<MixerBus>& buses, const char* name, StripKind kind) {
        const auto& list = mixer.array(name);
        for (size_t i = 0; i < buses.size(); ++i) {
            JsonFields b(list[i], mixer.path(name) + "[" + std::to_string(i) + "]");
            buses[i].strip = b.has("strip") ? readStrip(JsonFields(b.get("strip"), b.path("strip")), a.mixer, kind) : ChannelStrip {};
            if (buses[i].strip.output == buses[i].name)
                throw FieldError { b.path("strip.output") + ": a bus cannot feed itself" };
        }
    };
    if (!a.mixer.returns.empty())
        readBusStrips(a.mixer.returns, "returns", StripKind::returnBus);
    if (!a.mixer.groups.empty())
        readBusStrips(a.mixer.groups, "groups", StripKind::group);
    if (mixer.has("master"))
        a.mixer.master = readStrip(JsonFields(mixer.get("master"), mixer.path("master")), a.mixer, StripKind::master);
    if (!mixer.has("tracks"))
        return;
    const auto& tracks = mixer.array("tracks");
    if (tracks.size() != a.tracks.size())
        throw FieldError { mixer.path("tracks") + ": " + std::to_string(tracks.size()) + " strips for " + std::to_string(a.tracks.size()) + " tracks" };
    for (size_t i = 0; i < tracks.size(); ++i) {
        JsonFields t(tracks[i], mixer.path("tracks") + "[" + std::to_string(i) + "]");
        if (t.has("track") && t.text("track") != a.tracks[i].name)
            throw FieldError { t.path("track") + ": '" + t.text("track") + "' is not track " + std::to_string(i) + " ('" + a.tracks[i].name + "')" };
        const double pan = a.tracks[i].strip.pan;
        a.tracks[i].strip = readStrip(t, a.mixer, StripKind::track);
        a.tracks[i].strip.pan = pan;
    }
    for (const auto& t : a.tracks)
        for (const auto& slot : t.strip.inserts)
            if (!slot.sidechainTrack.empty()
                && std::none_of(a.tracks.begin(), a.tracks.end(), [&](const auto& o) { return o.name == slot.sidechainTrack; }))
                throw FieldError { mixer.path("tracks") + ": '" + t.name + "' takes a sidechain from '" + slot.sidechainTrack + "', which is no track" };
}

} // namespace loopmind
