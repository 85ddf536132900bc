#pragma once
// Scans for plug-ins without running any plug-in code in this process: the helper `loopmind-plugin-scan` lists
// each format's plug-ins and tries them out, one helper run for many plug-ins; when it crashes or stays silent past
// the time limit, the plug-in it was on is blacklisted with the reason and a new helper goes on with the rest.
// Results are cached by file and modification time: only new or changed plug-ins are tried again.
#include "Plugins/PluginCatalogue.h"
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace loopmind::plugins {

struct ScanOptions {
    std::filesystem::path helper;           // loopmind-plugin-scan (see defaultScannerPath)
    std::vector<std::string> extraFolders;  // searched by every format, after its defaults
    bool defaultFolders = true;             // ~/.lv2, /usr/lib/lv2, ~/.vst3, /usr/lib/vst3, LADSPA's
    double idleLimitSeconds = 20;           // a plug-in silent this long while being tried out is hung
    bool rescan = false;                    // try everything again, ignoring the cache
    std::filesystem::path cacheFile;        // read and written; empty: no cache
    std::function<void(const std::string&)> progress; // "LV2: ZamComp", ...
};

/** Beside the running program, or $LOOPMIND_PLUGIN_SCANNER. */
std::filesystem::path defaultScannerPath();

/** The search path a format is given (folders joined by ';'). */
std::string searchPathFor(const std::string& format, const ScanOptions& options);

PluginCatalogue scanPlugins(const ScanOptions& options);

} // namespace loopmind::plugins
