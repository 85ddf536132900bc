#pragma once
// Opening one audio file defensively, without decoding it: the checks every reader of our files shares (missing,
// empty, unsupported, damaged header, implausible rate or channels, truncation, too long), each failing with an
// error that names the file. decodeAudioFile reads all of an opened file; StreamedAudioFile reads it block by block.
#include "Core/Result.h"
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace juce {
class AudioFormatReader;
}

namespace loopmind {

struct DecodeLimits {
    double maxDurationSeconds = 30.0 * 60.0;
    std::int64_t maxTotalSamples = std::int64_t(1) << 27; // frames x channels: 512 MiB of floats at most
};

struct OpenedAudioFile {
    std::unique_ptr<juce::AudioFormatReader> reader;
    std::int64_t firstFrame = 0; // an MP3's encoder delay is skipped
    std::int64_t frames = 0;     // what the file holds, which a truncated file's header overstates
    double sampleRate = 0;
    int channels = 0;
    std::string formatName;
    std::string warning; // e.g. truncation: the file opened, but not all of it is there

    OpenedAudioFile();
    ~OpenedAudioFile();
    OpenedAudioFile(OpenedAudioFile&&) noexcept;
    OpenedAudioFile& operator=(OpenedAudioFile&&) noexcept;
};

bool hasAudioFileExtension(const std::filesystem::path& p);

Result<OpenedAudioFile> openAudioFile(const std::filesystem::path& path, const DecodeLimits& limits = {});

} // namespace loopmind
