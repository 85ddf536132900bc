#pragma once
// The independent reference of the loudness tests: ffmpeg's ebur128 filter (integrated loudness and
// true peak) run on a file, its summary parsed. ffmpeg is installed by setup.sh.
#include <filesystem>

namespace loopmind::test {

struct FfmpegLoudness {
    double integrated = 0; // LUFS
    double truePeak = 0;   // dBTP, one decimal as ffmpeg prints it
    bool ok = false;       // false: ffmpeg missing or its summary not found
};

FfmpegLoudness ffmpegMeasure(const std::filesystem::path& file);

} // namespace loopmind::test
