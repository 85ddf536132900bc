#include "PluginScan/PluginFiles.h"
#include <filesystem>
#include <sys/stat.h>
#include <lilv/lilv.h> // JUCE's copy (LV2_SDK), compiled into its LV2 host

namespace loopmind {
namespace fs = std::filesystem;
namespace {

std::int64_t newestModification(const fs::path& path)
{
    auto stamp = [](const fs::path& p) -> std::int64_t { // ns since the Unix epoch (lstat: a link's own time)
        struct stat st {};
        return ::lstat(p.c_str(), &st) == 0 ? std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec : 0;
    };
    std::error_code ec;
    std::int64_t newest = stamp(path);
    if (!fs::is_directory(path, ec))
        return newest;
    // A bundle's files, symlinks not followed (no loops); bounded, as a bundle is a handful of files.
    int seen = 0;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator() && seen < 10000; it.increment(ec), ++seen)
        newest = std::max(newest, stamp(it->path()));
    return newest;
}

std::vector<PluginFile> listLv2(const juce::String& searchPath)
{
    std::vector<PluginFile> files;
    LilvWorld* world = lilv_world_new();
    LilvNode* path = lilv_new_string(world, juce::StringArray::fromTokens(searchPath, ";", "").joinIntoString(":").toRawUTF8());
    lilv_world_set_option(world, LILV_OPTION_LV2_PATH, path);
    lilv_node_free(path);
    lilv_world_load_all(world);
    const LilvPlugins* plugins = lilv_world_get_all_plugins(world);
    for (LilvIter* i = lilv_plugins_begin(plugins); !lilv_plugins_is_end(plugins, i); i = lilv_plugins_next(plugins, i)) {
        const LilvPlugin* plugin = lilv_plugins_get(plugins, i);
        PluginFile f;
        f.identifier = lilv_node_as_uri(lilv_plugin_get_uri(plugin));
        const LilvNode* bundleUri = lilv_plugin_get_bundle_uri(plugin);
        if (char* bundle = bundleUri != nullptr ? lilv_file_uri_parse(lilv_node_as_uri(bundleUri), nullptr) : nullptr) {
            f.path = fs::path(bundle).lexically_normal().string();
            lilv_free(bundle);
        }
        f.modified = newestModification(f.path);
        files.push_back(std::move(f));
    }
    lilv_world_free(world);
    return files;
}

} // namespace

std::vector<PluginFile> listPluginFiles(juce::AudioPluginFormat& format, const juce::String& searchPath)
{
    if (format.getName() == "LV2")
        return listLv2(searchPath);
    std::vector<PluginFile> files;
    for (const auto& id : format.searchPathsForPlugins(juce::FileSearchPath(searchPath), true, false))
        files.push_back({ id.toStdString(), id.toStdString(), newestModification(id.toStdString()) });
    return files;
}

} // namespace loopmind
