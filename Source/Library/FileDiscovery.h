#pragma once
// Turns the paths a user gives into the audio files to process: folders recursively, in a stable
// (sorted) order, following links but never looping, skipping hidden, AppleDouble and non-audio files.
#include <filesystem>
#include <string>
#include <vector>

namespace loopmind {

struct DiscoveredFiles {
    std::vector<std::filesystem::path> files;
    struct Problem { std::filesystem::path path; std::string error; };
    std::vector<Problem> problems; // inputs that do not exist, unreadable folders, link cycles
};

DiscoveredFiles discoverAudioFiles(const std::vector<std::filesystem::path>& inputs);

} // namespace loopmind
