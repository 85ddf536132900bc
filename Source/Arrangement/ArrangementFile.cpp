#include "Arrangement/ArrangementFile.h"
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

// Reads fields of one JSON object; any problem throws a sentence naming the field by its full path.
struct FieldError { std::string message; };

class Fields {
public:
    Fields(const json& object, std::string where) : j_(object), where_(std::move(where))
    {
        if (!j_.is_object())
            throw FieldError { where_ + ": expected an object" };
    }
    const json& get(const char* name) const
    {
        if (!j_.contains(name))
            throw FieldError { path(name) + ": missing" };
        return j_.at(name);
    }
    double number(const char* name, double min, double max) const
    {
        const auto& v = get(name);
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < min || v.get<double>() > max)
            throw FieldError { path(name) + ": expected a number from " + num(min) + " to " + num(max) };
        return v.get<double>();
    }
    int integer(const char* name, int min, int max) const
    {
        const auto& v = get(name);
        if (!v.is_number_integer() || v.get<std::int64_t>() < min || v.get<std::int64_t>() > max)
            throw FieldError { path(name) + ": expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) };
        return int(v.get<std::int64_t>());
    }
    std::string text(const char* name) const
    {
        const auto& v = get(name);
        if (!v.is_string() || v.get<std::string>().empty())
            throw FieldError { path(name) + ": expected a non-empty string" };
        return v.get<std::string>();
    }
    std::optional<std::string> optionalText(const char* name) const
    {
        if (!j_.contains(name) || j_.at(name).is_null())
            return std::nullopt;
        return text(name);
    }
    const json& array(const char* name) const
    {
        const auto& v = get(name);
        if (!v.is_array())
            throw FieldError { path(name) + ": expected an array" };
        return v;
    }
    std::string path(const std::string& name) const { return where_ + "." + name; }

private:
    static std::string num(double v) { std::ostringstream s; s << v; return s.str(); }
    const json& j_;
    std::string where_;
};

const char* const knownRoles[] = { "drums", "bass", "chords", "melody", "fx", "vocal" };
} // namespace

json arrangementToJson(const Arrangement& a)
{
    json sections = json::array();
    for (const auto& s : a.sections)
        sections.push_back({ { "name", s.name }, { "startBar", s.startBar }, { "bars", s.bars }, { "energy", s.energy } });
    json tracks = json::array();
    for (const auto& t : a.tracks) {
        json clips = json::array();
        for (const auto& c : t.clips)
            clips.push_back({ { "startBar", c.startBar }, { "bars", c.bars } });
        tracks.push_back({ { "name", t.name }, { "role", t.role },
                           { "loop", { { "path", pathText(t.loopPath) }, { "bpm", t.loopBpm }, { "beats", t.loopBeats }, { "key", optionalText(t.loopKey) } } },
                           { "gainDb", t.gainDb }, { "pan", t.pan }, { "clips", clips } });
    }
    json excluded = json::array();
    for (const auto& e : a.excluded)
        excluded.push_back({ { "path", pathText(e.path) }, { "reason", e.reason } });
    return {
        { "schemaVersion", Arrangement::currentSchemaVersion },
        { "generator", std::string("loopmind ") + LOOPMIND_VERSION },
        { "seed", a.seed },
        { "bpm", a.bpm },
        { "key", optionalText(a.key) },
        { "sampleRate", a.sampleRate },
        { "beatsPerBar", a.beatsPerBar },
        { "totalBars", a.totalBars() },
        { "lengthSeconds", std::round(a.lengthInSeconds() * 1e6) / 1e6 },
        { "sections", sections },
        { "tracks", tracks },
        { "excluded", excluded },
    };
}

Result<Arrangement> arrangementFromJson(const json& j, const fs::path& baseFolder)
{
    try {
        Fields root(j, "arrangement");
        const int version = root.integer("schemaVersion", 1, 1000);
        if (version != Arrangement::currentSchemaVersion)
            throw FieldError { "arrangement.schemaVersion: version " + std::to_string(version) + " is not supported (this build reads 1)" };
        Arrangement a;
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
            Fields s(sections[i], "arrangement.sections[" + std::to_string(i) + "]");
            ArrangementSection section { s.text("name"), s.integer("startBar", 0, 100000), s.integer("bars", 1, 100000), s.number("energy", 0, 1) };
            if (!a.sections.empty() && section.startBar != a.sections.back().startBar + a.sections.back().bars)
                throw FieldError { s.path("startBar") + ": sections must follow each other without gaps or overlaps" };
            a.sections.push_back(section);
        }
        const int total = a.totalBars();

        const auto& tracks = root.array("tracks");
        for (size_t i = 0; i < tracks.size(); ++i) {
            const auto where = "arrangement.tracks[" + std::to_string(i) + "]";
            Fields t(tracks[i], where);
            ArrangementTrack track;
            track.name = t.text("name");
            track.role = t.text("role");
            if (std::find(std::begin(knownRoles), std::end(knownRoles), track.role) == std::end(knownRoles))
                throw FieldError { t.path("role") + ": unknown role '" + track.role + "'" };
            Fields loop(t.get("loop"), where + ".loop");
            track.loopPath = pathFromText(loop.text("path"));
            if (track.loopPath.is_relative())
                track.loopPath = baseFolder / track.loopPath;
            track.loopBpm = loop.number("bpm", 20, 400);
            track.loopBeats = loop.integer("beats", 1, 1024);
            track.loopKey = loop.optionalText("key");
            track.gainDb = t.number("gainDb", -120, 24);
            track.pan = t.number("pan", -1, 1);
            const auto& clips = t.array("clips");
            for (size_t c = 0; c < clips.size(); ++c) {
                Fields clip(clips[c], where + ".clips[" + std::to_string(c) + "]");
                ArrangementClip ac { clip.integer("startBar", 0, 100000), clip.integer("bars", 1, 100000) };
                if (ac.startBar + ac.bars > total)
                    throw FieldError { clip.path("bars") + ": the clip ends at bar " + std::to_string(ac.startBar + ac.bars)
                                       + ", after the song's last bar " + std::to_string(total) };
                track.clips.push_back(ac);
            }
            a.tracks.push_back(std::move(track));
        }
        if (j.contains("excluded") && j.at("excluded").is_array())
            for (size_t i = 0; i < j.at("excluded").size(); ++i) {
                Fields e(j.at("excluded")[i], "arrangement.excluded[" + std::to_string(i) + "]");
                a.excluded.push_back({ pathFromText(e.text("path")), e.text("reason") });
            }
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
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded())
        return Result<Arrangement>::failure(pathText(file) + ": not valid JSON");
    auto result = arrangementFromJson(j, file.parent_path());
    if (!result)
        return Result<Arrangement>::failure(pathText(file) + ": " + result.error());
    return result;
}

} // namespace loopmind
