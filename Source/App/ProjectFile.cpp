#include "App/ProjectFile.h"
#include "Arrangement/ArrangementFile.h"
#include "Core/AtomicFile.h"
#include "Core/PathText.h"
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace loopmind {

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
        if (j["loopmindProject"].get<int>() > Project::currentVersion)
            return Result<Project>::failure("the project was written by a newer LoopMind (version "
                                            + std::to_string(j["loopmindProject"].get<int>()) + ")");
        Project p;
        for (const auto& f : j.value("folders", nlohmann::json::array()))
            p.folders.push_back(pathFromText(f.get<std::string>()));
        p.song.seed = j.value("seed", std::uint64_t(1));
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
            p.render.bitDepth = r.value("bitDepth", 24);
            p.render.sampleRate = r.value("sampleRate", 44100.0);
            p.render.loudnessPreset = r.value("loudnessPreset", std::string("none"));
        }
        return Result<Project>::success(std::move(p));
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
