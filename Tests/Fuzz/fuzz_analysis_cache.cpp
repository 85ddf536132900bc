// The analysis cache's file (SQLite, Library/AnalysisCache.*) on arbitrary bytes: open() must take any damaged
// file (rebuilding it empty when SQLite cannot use it), and every row a damaged table still holds must read back
// through lookup() (text, numbers and the waveform BLOB decoded by WaveformCodec) without harm; a store and a
// count follow. Each run starts from a clean scratch folder (SQLite leaves -wal and -shm files beside it).
#include "FuzzSupport.h"
#include "Library/AnalysisCache.h"
#include <sqlite3.h>

using namespace loopmind;

namespace {
/** The stamps of the rows the file holds, read with SQLite directly (the cache only answers for a known stamp). */
std::vector<FileStamp> storedStamps(const std::filesystem::path& file)
{
    std::vector<FileStamp> stamps;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT path, size, mtime_ns FROM loops LIMIT 8", -1, &s, nullptr) == SQLITE_OK)
            while (sqlite3_step(s) == SQLITE_ROW) {
                const auto* path = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
                stamps.push_back({ path ? path : "", sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2) });
            }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return stamps;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::clearScratch();
    const auto file = fuzz::writeScratchFile("analysis.sqlite", data, size);
    auto cache = AnalysisCache::open(file);
    if (!cache)
        fuzz::fail("a damaged cache file was not rebuilt: " + cache.error());
    auto& c = *cache.value();
    for (const auto& stamp : storedStamps(file))
        if (auto loop = c.lookup(stamp, stamp.absolutePath)) {
            for (const auto& level : loop->waveform.levels)
                if (level.minimum.size() != level.maximum.size() || level.samplesPerBin < 1)
                    fuzz::fail("a stored waveform decoded inconsistent");
            LoopInfo again = *loop;
            again.path = "/loops/again.wav";
            c.store({ { FileStamp { "/loops/again.wav", 1, 2 }, again } });
        }
    LoopInfo failed;
    failed.path = "/loops/bad.wav";
    failed.error = "/loops/bad.wav: not a valid WAV file";
    c.store({ { FileStamp { "/loops/bad.wav", 3, 4 }, failed } });
    c.entryCount();
    return 0;
}
