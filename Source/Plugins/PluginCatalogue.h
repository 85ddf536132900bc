#pragma once
// What the plug-in scan found and what it refused, as kept in the cache file (plugins.json in the user's cache
// folder): each entry carries the file or bundle it came from and that file's modification time, so a later scan
// only runs the helper for plug-ins that are new or changed.
#include "Core/MixerSettings.h"
#include "Core/Result.h"
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace loopmind::plugins {

/** Where a plug-in lives on disk, and when it last changed: the cache's key. */
struct PluginSource {
    std::string format, identifier; // the identifier as the format lists it (LV2 URI, file path)
    std::string path;               // the bundle or file
    std::int64_t modified = 0;      // newest modification in it, ns since the epoch
    bool operator==(const PluginSource& o) const
    {
        return format == o.format && identifier == o.identifier && path == o.path && modified == o.modified;
    }
};

struct PluginEntry {
    PluginSource source;
    PluginReference plugin; // name, vendor, version, IDs (no state)
    std::string category;   // the format's own ("EQ", "Reverb", "Fx|Dynamics", ...)
    int inputs = 0, outputs = 0;
    bool instrument = false;
};

struct BlacklistEntry {
    PluginSource source;
    std::string reason; // "crashed (signal 11, Segmentation fault) while being scanned", ...
};

struct PluginCatalogue {
    std::vector<PluginEntry> plugins;
    std::vector<BlacklistEntry> blacklisted;
    std::vector<PluginSource> notPlugins; // files in a searched folder with no plug-in of that format (not tried again)
    std::vector<std::string> problems;    // a format that could not be listed, and the like

    /** The entry for a saved reference (format + identifier + unique ID); null if the scan did not find it. */
    const PluginEntry* find(const PluginReference& plugin) const;
};

/** plugins.json in userCacheFolder(). */
std::filesystem::path defaultCatalogueFile();
Result<PluginCatalogue> loadCatalogue(const std::filesystem::path& file);
Status saveCatalogue(const PluginCatalogue& catalogue, const std::filesystem::path& file);

/** The catalogue as JSON text, as the cache and `loopmind plugins --json` write it. */
std::string toJsonText(const PluginCatalogue& catalogue);

} // namespace loopmind::plugins
