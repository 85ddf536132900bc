#include "Plugins/PluginScanner.h"
#include "Plugins/TimedChildProcess.h"
#include <juce_core/juce_core.h>
#include <map>
#include <nlohmann/json.hpp>

namespace loopmind::plugins {
using nlohmann::json;
namespace {

const char* const formatNames[] = { "LV2", "VST3", "LADSPA" };

std::vector<std::string> defaultFoldersOf(const std::string& format)
{
    const std::string home = juce::File::getSpecialLocation(juce::File::userHomeDirectory).getFullPathName().toStdString();
    if (format == "LV2")
        return { home + "/.lv2", "/usr/lib/lv2", "/usr/local/lib/lv2" };
    if (format == "VST3")
        return { home + "/.vst3", "/usr/lib/vst3", "/usr/local/lib/vst3" };
    if (const char* ladspa = std::getenv("LADSPA_PATH"); ladspa != nullptr && *ladspa != 0) {
        std::vector<std::string> folders;
        for (const auto& f : juce::StringArray::fromTokens(ladspa, ":", ""))
            folders.push_back(f.toStdString());
        return folders;
    }
    return { "/usr/lib/ladspa", "/usr/local/lib/ladspa" };
}

/** Runs the helper's `list`: the format's plug-ins with their files, or a problem. */
std::vector<PluginSource> listFormat(const std::string& format, const ScanOptions& options, PluginCatalogue& catalogue)
{
    std::vector<PluginSource> found;
    const auto outcome = runWithIdleLimit({ options.helper.string(), "list", format, searchPathFor(format, options) },
                                          options.idleLimitSeconds * 3, [&](const std::string& line) {
                                              const auto j = json::parse(line, nullptr, false);
                                              if (j.is_object() && j.contains("candidate")) {
                                                  const auto& c = j["candidate"];
                                                  found.push_back({ format, c.value("identifier", ""), c.value("path", ""),
                                                                    c.value("modified", std::int64_t(0)) });
                                              }
                                          });
    if (outcome.exitCode != 0)
        catalogue.problems.push_back(format + ": listing plug-ins failed: the helper " + outcome.describe()
                                     + (outcome.errorText.empty() ? "" : " (" + outcome.errorText + ")"));
    return found;
}

/** Tries out `todo` in as few helper runs as possible: each crash or hang blacklists the plug-in being tried. */
void describeAll(const std::string& format, std::vector<PluginSource> todo, const ScanOptions& options, PluginCatalogue& catalogue)
{
    while (!todo.empty()) {
        std::vector<std::string> argv { options.helper.string(), "describe", format, searchPathFor(format, options) };
        std::map<std::string, PluginSource> byId;
        for (const auto& s : todo) {
            argv.push_back(s.identifier);
            byId[s.identifier] = s;
        }
        std::string current;
        std::vector<std::string> finished;
        const auto outcome = runWithIdleLimit(argv, options.idleLimitSeconds, [&](const std::string& line) {
            const auto j = json::parse(line, nullptr, false);
            if (!j.is_object())
                return;
            if (j.contains("scanning")) {
                current = j["scanning"].get<std::string>();
                if (options.progress)
                    options.progress(format + ": " + current);
            } else if (j.contains("scanned")) {
                finished.push_back(j["scanned"].get<std::string>());
                current.clear();
            } else if (j.contains("foreign") && byId.count(current) != 0) {
                // Not a plug-in of this format (a folder searched by every format holds other formats' files).
                catalogue.notPlugins.push_back(byId[current]);
            } else if (j.contains("refused") && byId.count(current) != 0) {
                catalogue.blacklisted.push_back({ byId[current], j.value("reason", "refused") });
            } else if (j.contains("plugin") && byId.count(current) != 0) {
                const auto& p = j["plugin"];
                PluginEntry e;
                e.source = byId[current];
                e.plugin.format = format;
                e.plugin.identifier = p.value("identifier", current);
                e.plugin.name = p.value("name", current);
                e.plugin.vendor = p.value("vendor", "");
                e.plugin.version = p.value("version", "");
                e.plugin.uniqueId = p.value("uniqueId", 0);
                e.category = p.value("category", "");
                e.inputs = p.value("inputs", 0);
                e.outputs = p.value("outputs", 0);
                e.instrument = p.value("instrument", false);
                catalogue.plugins.push_back(std::move(e));
            }
        });
        if (!outcome.started) {
            catalogue.problems.push_back(format + ": " + outcome.errorText);
            return;
        }
        std::vector<PluginSource> rest;
        const bool failed = outcome.timedOut || outcome.signal != 0 || outcome.exitCode != 0;
        if (failed && !current.empty())
            catalogue.blacklisted.push_back({ byId[current], outcome.describe() + " while being scanned" });
        else if (failed)
            catalogue.problems.push_back(format + ": the scanner " + outcome.describe());
        for (const auto& s : todo)
            if (std::find(finished.begin(), finished.end(), s.identifier) == finished.end() && s.identifier != current)
                rest.push_back(s);
        if (!failed || rest.size() == todo.size())
            return; // done, or no progress: stop rather than loop
        todo = std::move(rest);
    }
}

} // namespace

std::filesystem::path defaultScannerPath()
{
    if (const char* p = std::getenv("LOOPMIND_PLUGIN_SCANNER"); p != nullptr && *p != 0)
        return p;
    return juce::File::getSpecialLocation(juce::File::currentExecutableFile)
        .getSiblingFile("loopmind-plugin-scan")
        .getFullPathName()
        .toStdString();
}

std::string searchPathFor(const std::string& format, const ScanOptions& options)
{
    std::vector<std::string> folders;
    if (options.defaultFolders)
        folders = defaultFoldersOf(format);
    folders.insert(folders.end(), options.extraFolders.begin(), options.extraFolders.end());
    std::string joined;
    for (const auto& f : folders) {
        const auto folder = juce::File::getCurrentWorkingDirectory().getChildFile(f); // lilv wants absolute paths
        if (folder.isDirectory())
            joined += (joined.empty() ? "" : ";") + folder.getFullPathName().toStdString();
    }
    return joined;
}

PluginCatalogue scanPlugins(const ScanOptions& options)
{
    PluginCatalogue cached;
    if (!options.cacheFile.empty() && !options.rescan)
        if (auto loaded = loadCatalogue(options.cacheFile))
            cached = std::move(loaded.value());
    PluginCatalogue catalogue;
    for (const char* format : formatNames) {
        if (searchPathFor(format, options).empty())
            continue;
        std::vector<PluginSource> todo;
        for (const auto& source : listFormat(format, options, catalogue)) {
            // Unchanged since the last scan: its entries (or its blacklisting) stand.
            bool known = false;
            for (const auto& e : cached.plugins)
                if (e.source == source) {
                    catalogue.plugins.push_back(e);
                    known = true;
                }
            for (const auto& b : cached.blacklisted)
                if (b.source == source) {
                    catalogue.blacklisted.push_back(b);
                    known = true;
                }
            for (const auto& n : cached.notPlugins)
                if (n == source) {
                    catalogue.notPlugins.push_back(n);
                    known = true;
                }
            if (!known)
                todo.push_back(source);
        }
        describeAll(format, std::move(todo), options, catalogue);
    }
    std::sort(catalogue.plugins.begin(), catalogue.plugins.end(), [](const PluginEntry& a, const PluginEntry& b) {
        return std::tie(a.plugin.format, a.plugin.name, a.plugin.identifier) < std::tie(b.plugin.format, b.plugin.name, b.plugin.identifier);
    });
    if (!options.cacheFile.empty())
        if (auto saved = saveCatalogue(catalogue, options.cacheFile); !saved)
            catalogue.problems.push_back("the plug-in list could not be cached: " + saved.error());
    return catalogue;
}

} // namespace loopmind::plugins
