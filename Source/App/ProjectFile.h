#pragma once
// A .loopmind project: library folders, the arrangement (schema v1 JSON, embedded), lane mute/solo, seed and
// render settings. Written atomically; read with errors that name the problem.
#include "App/RenderTask.h"
#include "Document/StudioDocument.h"
#include "Core/Result.h"

namespace loopmind {

struct Project {
    static constexpr int currentVersion = 1;
    std::vector<std::filesystem::path> folders;
    SongState song;
    RenderSettings render;
};

std::string projectToText(const Project& p);
Result<Project> projectFromText(const std::string& text, const std::filesystem::path& baseFolder);

Status saveProject(const Project& p, const std::filesystem::path& file);
Result<Project> loadProject(const std::filesystem::path& file);

} // namespace loopmind
