#include "Arrangement/ArrangementFile.h"
#include "Arrangement/JsonFields.h"
#include "Arrangement/MixerJson.h"
#include "Arrangement/SongLimits.h"
#include "Core/AtomicFile.h"
#include "Core/PathText.h"
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace loopmind {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
json optionalText(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

/** A string that may be empty (reasons are informative). */
std::string optionalString(const JsonFields& f, const char* name)
{
    const auto& v = f.get(name);
    if (!v.is_string())
        throw FieldError { f.path(name) + ": expected a string" };
    return v.get<std::string>();
}

PlacementReason placementReason(const JsonFields& r, const std::string& trackRole)
{
    PlacementReason p;
    p.rule = r.text("rule");
    p.energy = r.number("energy", 0, 1);
    p.keyRelation = optionalString(r, "keyRelation");
    p.score = r.number("score", 0, 1);
    if (r.has("role") && r.text("role") != trackRole)
        throw FieldError { r.path("role") + ": '" + r.text("role") + "' differs from the track's role '" + trackRole + "'" };
    return p;
}

} // namespace

json arrangementToJson(const Arrangement& a)
{
    json sections = json::array();
    for (const auto& s : a.sections) {
        json section = { { "name", s.name }, { "startBar", s.startBar }, { "bars", s.bars }, { "energy", s.energy } };
        if (s.gainDb != 0 || !s.gainReason.empty()) {
            section["gainDb"] = s.gainDb;
            section["gainReason"] = s.gainReason;
        }
        sections.push_back(std::move(section));
    }
    json tracks = json::array();
    for (const auto& t : a.tracks) {
        json clips = json::array();
        for (const auto& c : t.clips)
        {
            json clip = { { "startBar", c.startBar }, { "bars", c.bars } };
            if (!c.reason.rule.empty())
                clip["reason"] = { { "rule", c.reason.rule }, { "energy", c.reason.energy }, { "keyRelation", c.reason.keyRelation },
                                   { "role", t.role }, { "score", c.reason.score } };
            clips.push_back(std::move(clip));
        }
        tracks.push_back({ { "name", t.name }, { "role", t.role },
                           { "loop", { { "path", pathText(t.loopPath) }, { "bpm", t.loopBpm }, { "beats", t.loopBeats }, { "key", optionalText(t.loopKey) } } },
                           { "gainDb", t.gainDb }, { "gainReason", t.gainReason }, { "pan", t.strip.pan }, { "clips", clips } });
        if (t.frozen) // only when set: songs without frozen or transposed tracks keep their bytes
            tracks.back()["frozen"] = true;
        if (t.transpose != 0)
            tracks.back()["transpose"] = t.transpose;
    }
    json excluded = json::array();
    for (const auto& e : a.excluded)
        excluded.push_back({ { "path", pathText(e.path) }, { "reason", e.reason } });
    json root = {
        { "schemaVersion", Arrangement::currentSchemaVersion },
        { "generator", std::string("loopmind ") + LOOPMIND_VERSION },
        { "seed", a.seed },
        { "style", a.style },
        { "choices", { { "tempo", a.tempoReason }, { "key", a.keyReason } } },
        { "bpm", a.bpm },
        { "key", optionalText(a.key) },
        { "sampleRate", a.sampleRate },
        { "beatsPerBar", a.beatsPerBar },
        { "totalBars", a.totalBars() },
        { "lengthSeconds", std::round(a.lengthInSeconds() * 1e6) / 1e6 },
        { "sections", sections },
        { "tracks", tracks },
        { "excluded", excluded },
        { "mixer", mixerToJson(a) },
    };
    if (a.remixSourceSeed)
        root["remix"] = { { "sourceSeed", *a.remixSourceSeed }, { "distance", a.remixDistance }, { "measured", a.remixMeasured } };
    if (!a.scorer.empty())
        root["scorer"] = { { "name", a.scorer }, { "sha256", a.scorerHash } };
    return root;
}

Result<Arrangement> arrangementFromJson(const json& j, const fs::path& baseFolder)
{
    try {
        JsonFields root(j, "arrangement");
        const int version = root.integer("schemaVersion", 1, 1000);
        if (version < 1 || version > Arrangement::currentSchemaVersion)
            throw FieldError { "arrangement.schemaVersion: version " + std::to_string(version) + " is not supported (this build reads 1 to 3)" };
        Arrangement a;
        if (version >= 2) { // v2 adds the style, the choices and the reasons; all informative, all optional
            a.style = root.has("style") ? optionalString(root, "style") : std::string();
            if (root.has("choices")) {
                JsonFields choices(root.get("choices"), root.path("choices"));
                a.tempoReason = choices.has("tempo") ? optionalString(choices, "tempo") : std::string();
                a.keyReason = choices.has("key") ? optionalString(choices, "key") : std::string();
            }
            if (root.has("remix")) {
                JsonFields remix(root.get("remix"), root.path("remix"));
                if (!remix.get("sourceSeed").is_number_unsigned())
                    throw FieldError { remix.path("sourceSeed") + ": expected a non-negative whole number" };
                a.remixSourceSeed = remix.get("sourceSeed").get<std::uint64_t>();
                a.remixDistance = remix.number("distance", 0, 1);
                a.remixMeasured = remix.number("measured", 0, 1);
            }
            if (root.has("scorer")) {
                JsonFields scorer(root.get("scorer"), root.path("scorer"));
                a.scorer = scorer.text("name");
                a.scorerHash = optionalString(scorer, "sha256");
            }
        }
        const auto& seed = root.get("seed");
        if (!seed.is_number_unsigned() && !(seed.is_number_integer() && seed.get<std::int64_t>() >= 0))
            throw FieldError { "arrangement.seed: expected a non-negative whole number" };
        a.seed = seed.get<std::uint64_t>();
        a.bpm = root.number("bpm", 20, 400);
        a.key = root.optionalText("key");
        a.sampleRate = root.number("sampleRate", 8000, 384000);
        a.beatsPerBar = root.integer("beatsPerBar", 1, 16);

        const auto& sections = root.array("sections");
        if (sections.empty())
            throw FieldError { "arrangement.sections: needs at least one section" };
        for (size_t i = 0; i < sections.size(); ++i) {
            JsonFields s(sections[i], "arrangement.sections[" + std::to_string(i) + "]");
            ArrangementSection section { s.text("name"), s.integer("startBar", 0, 100000), s.integer("bars", 1, 100000), s.number("energy", 0, 1), 0.0, {} };
            if (version >= 2 && s.has("gainDb"))
                section.gainDb = s.number("gainDb", -60, 24);
            if (version >= 2 && s.has("gainReason"))
                section.gainReason = optionalString(s, "gainReason");
            if (!a.sections.empty() && section.startBar != a.sections.back().startBar + a.sections.back().bars)
                throw FieldError { s.path("startBar") + ": sections must follow each other without gaps or overlaps" };
            a.sections.push_back(section);
        }
        const int total = a.totalBars();
        if (auto tooBig = songLimitProblem(a)) // before the tracks: a refused song costs nothing more to read
            throw FieldError { "arrangement.sections: " + *tooBig };

        const auto& tracks = root.array("tracks");
        if (tracks.size() > size_t(maxSongTracks))
            throw FieldError { "arrangement.tracks: " + std::to_string(tracks.size()) + " tracks; the limit is "
                               + std::to_string(maxSongTracks) };
        for (size_t i = 0; i < tracks.size(); ++i) {
            const auto where = "arrangement.tracks[" + std::to_string(i) + "]";
            JsonFields t(tracks[i], where);
            ArrangementTrack track;
            track.name = t.text("name");
            track.role = t.text("role");
            if (std::find(std::begin(knownRoles), std::end(knownRoles), track.role) == std::end(knownRoles))
                throw FieldError { t.path("role") + ": unknown role '" + track.role + "'" };
            JsonFields loop(t.get("loop"), where + ".loop");
            track.loopPath = pathFromText(loop.text("path"));
            if (track.loopPath.is_relative())
                track.loopPath = baseFolder / track.loopPath;
            track.loopBpm = loop.number("bpm", 20, 400);
            track.loopBeats = loop.integer("beats", 1, 1024);
            track.loopKey = loop.optionalText("key");
            track.gainDb = t.number("gainDb", -120, 24);
            track.strip.pan = t.number("pan", -1, 1);
            if (version >= 2 && t.has("gainReason"))
                track.gainReason = optionalString(t, "gainReason");
            track.frozen = t.flag("frozen", false);
            track.transpose = t.has("transpose") ? t.integer("transpose", -12, 12) : 0;
            const auto& clips = t.array("clips");
            for (size_t c = 0; c < clips.size(); ++c) {
                JsonFields clip(clips[c], where + ".clips[" + std::to_string(c) + "]");
                ArrangementClip ac { clip.integer("startBar", 0, 100000), clip.integer("bars", 1, 100000), {} };
                if (version >= 2 && clip.has("reason"))
                    ac.reason = placementReason(JsonFields(clip.get("reason"), clip.path("reason")), track.role);
                if (ac.startBar + ac.bars > total)
                    throw FieldError { clip.path("bars") + ": the clip ends at bar " + std::to_string(ac.startBar + ac.bars)
                                       + ", after the song's last bar " + std::to_string(total) };
                track.clips.push_back(ac);
            }
            a.tracks.push_back(std::move(track));
        }
        if (j.contains("excluded") && j.at("excluded").is_array())
            for (size_t i = 0; i < j.at("excluded").size(); ++i) {
                JsonFields e(j.at("excluded")[i], "arrangement.excluded[" + std::to_string(i) + "]");
                a.excluded.push_back({ pathFromText(e.text("path")), e.text("reason") });
            }
        if (version >= 3 && root.has("mixer"))
            readMixer(JsonFields(root.get("mixer"), root.path("mixer")), a);
        return Result<Arrangement>::success(std::move(a));
    } catch (const FieldError& e) {
        return Result<Arrangement>::failure(e.message);
    } catch (const json::exception& e) {
        return Result<Arrangement>::failure(std::string("arrangement: ") + e.what());
    }
}

std::string arrangementToText(const Arrangement& a)
{
    return arrangementToJson(a).dump(2) + "\n";
}

Status writeArrangementFile(const Arrangement& a, const fs::path& file)
{
    return writeTextFileAtomically(file, arrangementToText(a));
}

Result<Arrangement> readArrangementFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Result<Arrangement>::failure(pathText(file) + ": cannot open");
    // 256 tracks of a thousand clips each is about 50 MB of JSON; anything larger is not a song.
    constexpr std::uintmax_t maxArrangementBytes = std::uintmax_t(64) << 20;
    std::error_code sizeError;
    if (const auto bytes = fs::file_size(file, sizeError); !sizeError && bytes > maxArrangementBytes)
        return Result<Arrangement>::failure(pathText(file) + ": " + std::to_string(bytes >> 20)
                                            + " MB is too large for an arrangement (the limit is 64 MB)");
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded())
        return Result<Arrangement>::failure(pathText(file) + ": not valid JSON");
    auto result = arrangementFromJson(j, file.parent_path());
    if (!result)
        return Result<Arrangement>::failure(pathText(file) + ": " + result.error());
    return result;
}

} // namespace loopmind
