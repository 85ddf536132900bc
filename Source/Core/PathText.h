#pragma once
// Paths are UTF-8 everywhere we print or store them: any Unicode name round-trips verbatim.
#include <filesystem>
#include <string>

namespace juce { class File; }

namespace loopmind {

std::string pathText(const std::filesystem::path& p);
std::filesystem::path pathFromText(const std::string& utf8);
juce::File toJuceFile(const std::filesystem::path& p);

} // namespace loopmind
