#include "App/ProjectFile.h"
#include "Arrangement/ArrangementFile.h"
#include "Core/AtomicFile.h"
#include "Core/PathText.h"
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace loopmind {

namespace {
using nlohmann::json;

/** A whole-number field from 0 to max, or `fallback` when absent; `field` names it in the error. nlohmann's value<int>() converts any number, and
    a fraction or 1e300 turned into an integer is undefined behaviour (found by fuzz_project_file): anything else is
    an error naming the field. */
std::uint64_t wholeNumber(const json& object, const char* name, const char* field, std::uint64_t fallback, std::uint64_t max)
{
    if (!object.contains(name))
        return fallback;
    const auto& v = object.at(name);
    const bool whole = v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
    if (!whole || v.get<std::uint64_t>() > max)
        throw std::invalid_argument(std::string(field) + ": expected a whole number from 0 to " + std::to_string(max));
    return v.get<std::uint64_t>();
}
} // namespace

std::string projectToText(const Project& p)
{
    nlohmann::json j;
    j["loopmindProject"] = Project::currentVersion;
    j["folders"] = nlohmann::json::array();
    for (const auto& f : p.folders)
        j["folders"].push_back(pathText(f));
    j["seed"] = p.song.seed;
    j["arrangement"] = p.song.arrangement ? arrangementToJson(*p.song.arrangement) : nlohmann::json();
    j["lanes"] = nlohmann::json::array();
    for (const auto& l : p.song.lanes)
        j["lanes"].push_back({ { "mute", l.mute }, { "solo", l.solo } });
    const auto& r = p.render;
    j["render"] = { { "mix", r.mix }, { "stems", r.stems }, { "folder", pathText(r.folder) }, { "format", extensionFor(r.format).substr(1) },
                    { "bitDepth", r.bitDepth }, { "sampleRate", r.sampleRate }, { "loudnessPreset", r.loudnessPreset } };
    return j.dump(2) + "\n";
}

Result<Project> projectFromText(const std::string& text, const std::filesystem::path& baseFolder)
{
    try {
        const auto j = nlohmann::json::parse(text);
        if (!j.is_object() || !j.contains("loopmindProject"))
            return Result<Project>::failure("not a LoopMind project (no \"loopmindProject\" field)");
        const auto version = wholeNumber(j, "loopmindProject", "loopmindProject", 0, INT32_MAX);
        if (version > Project::currentVersion)
            return Result<Project>::failure("the project was written by a newer LoopMind (version " + std::to_string(version) + ")");
        Project p;
        for (const auto& f : j.value("folders", nlohmann::json::array()))
            p.folders.push_back(pathFromText(f.get<std::string>()));
        p.song.seed = wholeNumber(j, "seed", "seed", 1, UINT64_MAX);
        if (j.contains("arrangement") && !j["arrangement"].is_null()) {
            auto a = arrangementFromJson(j["arrangement"], baseFolder);
            if (!a)
                return Result<Project>::failure("arrangement: " + a.error());
            p.song.arrangement = std::move(a.value());
        }
        for (const auto& l : j.value("lanes", nlohmann::json::array()))
            p.song.lanes.push_back({ l.value("mute", false), l.value("solo", false) });
        if (j.contains("render")) {
            const auto& r = j["render"];
            p.render.mix = r.value("mix", true);
            p.render.stems = r.value("stems", true);
            p.render.folder = pathFromText(r.value("folder", std::string()));
            const auto format = r.value("format", std::string("wav"));
            p.render.format = format == "flac"   ? AudioFileFormat::flac
                            : format == "aiff" ? AudioFileFormat::aiff
                            : format == "mp3"  ? AudioFileFormat::mp3
                            : format == "ogg"  ? AudioFileFormat::ogg
                                               : AudioFileFormat::wav;
            p.render.bitDepth = int(wholeNumber(r, "bitDepth", "render.bitDepth", 24, 64)); // which depths a format takes is the renderer's check
            // The render sets the song's rate from here, unchecked: the range arrangement.json allows.
            p.render.sampleRate = r.value("sampleRate", 44100.0);
            if (!(p.render.sampleRate >= 8000 && p.render.sampleRate <= 384000))
                throw std::invalid_argument("render.sampleRate: expected a number from 8000 to 384000");
            p.render.loudnessPreset = r.value("loudnessPreset", std::string("none"));
        }
        return Result<Project>::success(std::move(p));
    } catch (const std::invalid_argument& e) {
        return Result<Project>::failure(e.what());
    } catch (const std::exception& e) {
        return Result<Project>::failure(std::string("not valid project JSON: ") + e.what());
    }
}

Status saveProject(const Project& p, const std::filesystem::path& file) { return writeTextFileAtomically(file, projectToText(p)); }

Result<Project> loadProject(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Result<Project>::failure(pathText(file) + ": cannot be opened");
    std::stringstream text;
    text << in.rdbuf();
    auto p = projectFromText(text.str(), file.parent_path());
    if (!p)
        return Result<Project>::failure(pathText(file) + ": " + p.error());
    return p;
}

} // namespace loopmind
