#include "Plugins/PluginCatalogue.h"
#include "Core/AtomicFile.h"
#include "Core/UserFolders.h"
#include <fstream>
#include <limits>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <sstream>

namespace loopmind::plugins {
using nlohmann::json;
namespace {
constexpr int catalogueVersion = 1;

/** j[key] as a whole number of type T; a float, a string or a value out of T's range is a damaged list (a cast of
    such a value would be undefined behaviour, not an error). */
template <typename T>
T wholeNumber(const json& j, const char* key)
{
    const auto& v = j.at(key);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max()))
        return T(v.get<std::uint64_t>());
    if (v.is_number_integer() && !v.is_number_unsigned()) {
        const auto n = v.get<std::int64_t>();
        if (n >= std::int64_t(std::numeric_limits<T>::min()) && n <= std::int64_t(std::numeric_limits<T>::max()))
            return T(n);
    }
    throw std::runtime_error(std::string("'") + key + "' is not a whole number in range");
}

json sourceJson(const PluginSource& s)
{
    return { { "format", s.format }, { "identifier", s.identifier }, { "path", s.path }, { "modified", s.modified } };
}

PluginSource readSource(const json& j)
{
    return { j.at("format").get<std::string>(), j.at("identifier").get<std::string>(), j.at("path").get<std::string>(),
             wholeNumber<std::int64_t>(j, "modified") };
}

json toJson(const PluginCatalogue& c)
{
    json plugins = json::array(), blacklisted = json::array();
    for (const auto& e : c.plugins) {
        auto j = sourceJson(e.source);
        j["name"] = e.plugin.name;
        j["vendor"] = e.plugin.vendor;
        j["version"] = e.plugin.version;
        j["uniqueId"] = e.plugin.uniqueId;
        j["category"] = e.category;
        j["inputs"] = e.inputs;
        j["outputs"] = e.outputs;
        j["instrument"] = e.instrument;
        plugins.push_back(j);
    }
    for (const auto& b : c.blacklisted) {
        auto j = sourceJson(b.source);
        j["reason"] = b.reason;
        blacklisted.push_back(j);
    }
    json notPlugins = json::array();
    for (const auto& n : c.notPlugins)
        notPlugins.push_back(sourceJson(n));
    return { { "catalogueVersion", catalogueVersion }, { "plugins", plugins }, { "blacklisted", blacklisted },
             { "notPlugins", notPlugins }, { "problems", c.problems } };
}
} // namespace

const PluginEntry* PluginCatalogue::find(const PluginReference& plugin) const
{
    for (const auto& e : plugins)
        if (e.plugin.format == plugin.format && e.plugin.identifier == plugin.identifier && e.plugin.uniqueId == plugin.uniqueId)
            return &e;
    return nullptr;
}

std::filesystem::path defaultCatalogueFile() { return userCacheFolder() / "plugins.json"; }

std::string toJsonText(const PluginCatalogue& catalogue) { return toJson(catalogue).dump(2); }

Result<PluginCatalogue> loadCatalogue(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        return Result<PluginCatalogue>::failure(file.string() + ": no plug-in list yet");
    try {
        const auto j = json::parse(in);
        if (!j.is_object() || !j.contains("catalogueVersion") || wholeNumber<int>(j, "catalogueVersion") != catalogueVersion)
            return Result<PluginCatalogue>::failure(file.string() + ": an older plug-in list, scanning again");
        PluginCatalogue c;
        for (const auto& p : j.at("plugins")) {
            PluginEntry e;
            e.source = readSource(p);
            e.plugin.format = e.source.format;
            e.plugin.identifier = e.source.identifier;
            e.plugin.name = p.at("name").get<std::string>();
            e.plugin.vendor = p.at("vendor").get<std::string>();
            e.plugin.version = p.at("version").get<std::string>();
            e.plugin.uniqueId = wholeNumber<int>(p, "uniqueId");
            e.category = p.at("category").get<std::string>();
            e.inputs = wholeNumber<int>(p, "inputs");
            e.outputs = wholeNumber<int>(p, "outputs");
            e.instrument = p.at("instrument").get<bool>();
            c.plugins.push_back(std::move(e));
        }
        for (const auto& b : j.at("blacklisted"))
            c.blacklisted.push_back({ readSource(b), b.at("reason").get<std::string>() });
        for (const auto& n : j.at("notPlugins"))
            c.notPlugins.push_back(readSource(n));
        return Result<PluginCatalogue>::success(std::move(c));
    } catch (const std::exception& e) {
        return Result<PluginCatalogue>::failure(file.string() + ": damaged plug-in list (" + e.what() + "), scanning again");
    }
}

Status saveCatalogue(const PluginCatalogue& catalogue, const std::filesystem::path& file)
{
    std::error_code ec;
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path(), ec);
    return writeTextFileAtomically(file, toJsonText(catalogue) + "\n");
}

} // namespace loopmind::plugins
