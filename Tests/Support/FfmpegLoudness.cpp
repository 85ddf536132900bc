#include "Support/FfmpegLoudness.h"
#include "Support/TestFiles.h"
#include <regex>

namespace loopmind::test {

FfmpegLoudness ffmpegMeasure(const std::filesystem::path& file)
{
    auto r = runCommand("ffmpeg -hide_banner -nostats -i " + quoted(file) + " -af ebur128=peak=true -f null - ");
    FfmpegLoudness out;
    // The summary at the end: "I: -20.3 LUFS" and, under True peak, "Peak: -3.1 dBFS".
    const auto at = r.err.rfind("Summary:");
    const auto summary = r.err.substr(at == std::string::npos ? 0 : at);
    std::smatch m;
    if (!std::regex_search(summary, m, std::regex(R"(I:\s+(-?[0-9.]+) LUFS)")))
        return out;
    out.integrated = std::stod(m[1]);
    if (!std::regex_search(summary, m, std::regex(R"(Peak:\s+(-?[0-9.]+) dBFS)")))
        return out;
    out.truePeak = std::stod(m[1]);
    out.ok = true;
    return out;
}

} // namespace loopmind::test
