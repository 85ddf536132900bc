#pragma once
// Shared by the fuzz targets (one libFuzzer binary per reader, see docs/FUZZING.md): a private scratch folder,
// on tmpfs when there is one and removed at exit, so a target never writes anywhere else; a way to stop on a
// broken invariant that libFuzzer reports as a crash; a small analysed pack for the readers whose result arranges.
#include "Library/LoopInfo.h"
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace loopmind::fuzz {

/** $LOOPMIND_FUZZ_SCRATCH, else /dev/shm, else the temp folder; then a folder of this process's own. */
const std::filesystem::path& scratchFolder();

/** Writes the input as scratchFolder()/name, replacing what an earlier run left there. */
std::filesystem::path writeScratchFile(const std::string& name, const std::uint8_t* data, std::size_t size);

/** Removes everything in the scratch folder (a reader may leave side files, e.g. SQLite's -wal). */
void clearScratch();

inline std::string asText(const std::uint8_t* data, std::size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

/** A reader broke a promise (accepted what it cannot write back, an error without words...): abort, so libFuzzer
    keeps the input. */
[[noreturn]] void fail(const std::string& why);

/** Eleven analysed loops, every role, at `bpm`, in A minor and related keys. */
std::vector<LoopInfo> samplePack(double bpm);

} // namespace loopmind::fuzz
