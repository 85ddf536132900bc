// loopmind plugins: what the plug-in scan finds on this machine and what it blacklisted, and why.
#include "Cli/CliSupport.h"
#include "Plugins/PluginHost.h"
#include "Plugins/PluginScanner.h"
#include <cstdio>
#include <juce_core/juce_core.h>
#include <map>
#include <iostream>

namespace loopmind::cli {

int runPlugins(int argc, char** argv)
{
    Arguments args(argc, argv, 2, { "path", "timeout" }, { "json", "rescan", "no-default-paths" });
    plugins::ScanOptions options;
    options.helper = plugins::defaultScannerPath();
    options.cacheFile = plugins::defaultCatalogueFile();
    options.rescan = args.has("rescan");
    options.defaultFolders = !args.has("no-default-paths");
    options.idleLimitSeconds = args.number("timeout", 1, 600).value_or(20.0);
    options.extraFolders = plugins::extraPluginFolders(); // $LOOPMIND_PLUGIN_PATH
    if (auto path = args.text("path"))
        for (const auto& folder : juce::StringArray::fromTokens(*path, ":", ""))
            options.extraFolders.push_back(folder.toStdString());
    const bool json = args.has("json");
    if (!json)
        options.progress = [](const std::string& what) { std::fprintf(stderr, "\rscanning %-70.70s", what.c_str()); };

    plugins::PluginCatalogue catalogue;
    JobControl control;
    runWithProgress("plug-in scan", control, [&] { catalogue = plugins::scanPlugins(options); });
    if (json) {
        std::cout << plugins::toJsonText(catalogue) << "\n";
    } else {
        std::fprintf(stderr, "\r%-80s\r", "");
        std::map<std::string, int> perFormat;
        for (const auto& e : catalogue.plugins)
            ++perFormat[e.plugin.format];
        std::cout << catalogue.plugins.size() << " plug-ins";
        for (const auto& [format, count] : perFormat)
            std::cout << (format == perFormat.begin()->first ? " (" : ", ") << format << " " << count;
        std::cout << (perFormat.empty() ? "" : ")") << ", " << catalogue.blacklisted.size() << " blacklisted\n";
        for (const auto& e : catalogue.plugins)
            std::printf("  %-6s %-36.36s %-20.20s %-18.18s %d in / %d out%s\n", e.plugin.format.c_str(), e.plugin.name.c_str(),
                        e.plugin.vendor.c_str(), e.category.c_str(), e.inputs, e.outputs, e.instrument ? ", instrument" : "");
        for (const auto& b : catalogue.blacklisted)
            std::cout << "  blacklisted: " << b.source.format << " " << b.source.identifier << ": " << b.reason << "\n";
        std::cout << "list cached in " << options.cacheFile.string() << " (--rescan tries everything again)\n";
    }
    for (const auto& p : catalogue.problems)
        std::cerr << "error: " << p << "\n";
    return catalogue.problems.empty() ? success : someInputsFailed;
}

} // namespace loopmind::cli
