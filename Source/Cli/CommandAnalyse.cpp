#include "Cli/CliSupport.h"
#include "Core/PathText.h"
#include <iostream>
#include <nlohmann/json.hpp>

namespace loopmind::cli {

int runAnalyse(int argc, char** argv)
{
    Arguments args(argc, argv, 2, { "jobs" }, { "json", "no-cache" });
    if (args.positional().empty())
        throw UsageError { "give at least one file or folder" };
    const bool json = args.has("json");
    // With --json every file, good or bad, is in the array; the errors go to stderr as well.
    auto result = analyseInputs(args, true);
    if (result.loops.empty() && result.failures > 0 && !json)
        return usageOrFatal;

    if (json) {
        auto array = nlohmann::json::array();
        for (const auto& l : result.loops)
            array.push_back(toJson(l));
        std::cout << array.dump(2) << std::endl;
    } else {
        for (const auto& l : result.loops) {
            if (!l.ok)
                continue;
            std::printf("%-48s %7s BPM  %-10s %-7s %7s LUFS  %6.2f s\n", pathText(l.path).c_str(),
                        l.bpm ? std::to_string(int(std::lround(*l.bpm))).c_str() : "-", l.key.value_or("?").c_str(),
                        l.role.value_or("?").c_str(), l.lufs ? std::to_string(int(std::lround(*l.lufs))).c_str() : "-",
                        l.durationSeconds);
        }
    }
    if (interruptControl().cancelled())
        return usageOrFatal;
    return result.failures > 0 ? someInputsFailed : success;
}

} // namespace loopmind::cli
