#pragma once
// Where LoopMind keeps what it can always rebuild (the analysis cache, the plug-in list).
#include <filesystem>

namespace loopmind {

/** $LOOPMIND_CACHE_DIR, else $XDG_CACHE_HOME/loopmind, else ~/.cache/loopmind (not created here). */
std::filesystem::path userCacheFolder();

} // namespace loopmind
