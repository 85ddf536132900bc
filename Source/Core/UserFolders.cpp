#include "Core/UserFolders.h"
#include "Core/PathText.h"
#include <cstdlib>
#include <optional>

namespace loopmind {

std::filesystem::path userCacheFolder()
{
    const auto env = [](const char* name) -> std::optional<std::filesystem::path> {
        const char* v = std::getenv(name);
        return v && *v ? std::optional<std::filesystem::path>(pathFromText(v)) : std::nullopt;
    };
    if (auto dir = env("LOOPMIND_CACHE_DIR"))
        return *dir;
    if (auto xdg = env("XDG_CACHE_HOME"))
        return *xdg / "loopmind";
    return env("HOME").value_or(std::filesystem::temp_directory_path()) / ".cache" / "loopmind";
}

} // namespace loopmind
