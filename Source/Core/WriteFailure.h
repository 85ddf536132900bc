#pragma once
// What to tell someone whose file could not be written: which file, and when its disk is (nearly) full, how much
// the file needed and how much room there was, so "disk full?" is never a guess left to them.
#include <cstdint>
#include <filesystem>
#include <string>

namespace loopmind {

/** "writing FILE failed: ..." for a write, flush or close that failed. neededBytes: the whole file's expected size
    (0: unknown). */
std::string writeFailure(const std::filesystem::path& file, std::uintmax_t neededBytes = 0);

} // namespace loopmind
