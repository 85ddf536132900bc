#include "Library/AnalysisCache.h"
#include "Core/UserFolders.h"
#include "Core/PathText.h"
#include "Library/WaveformCodec.h"
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <sqlite3.h>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
// The table layout. Unlike the analyser version, a change here drops the table (the columns differ).
constexpr int layoutVersion = 4; // 2: waveform BLOB column; 3: tempo_from_file; 4: wrap_jump_db, wrap_clicks
constexpr const char* pathMarker = "{path}"; // errors name the file; stored without it, re-named on load

const char* createTable = R"sql(
CREATE TABLE IF NOT EXISTS loops (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, version INTEGER NOT NULL,
  ok INTEGER NOT NULL, error TEXT, warning TEXT,
  duration REAL, sample_rate REAL, channels INTEGER, bit_depth INTEGER, format TEXT,
  bpm REAL, bpm_confidence REAL, beats INTEGER, key TEXT, key_confidence REAL, role TEXT, role_confidence REAL,
  lufs REAL, true_peak REAL, lra REAL, waveform BLOB, tempo_from_file INTEGER,
  wrap_jump_db REAL, wrap_clicks INTEGER))sql";

bool exec(sqlite3* db, const char* sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

/** One prepared statement, finalised on every path out. */
struct Statement {
    sqlite3_stmt* s = nullptr;
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Statement() { sqlite3_finalize(s); }
    explicit operator bool() const { return s != nullptr; }
};

std::optional<std::int64_t> singleInteger(sqlite3* db, const char* sql)
{
    Statement st(db, sql);
    if (st && sqlite3_step(st.s) == SQLITE_ROW)
        return sqlite3_column_int64(st.s, 0);
    return std::nullopt;
}

bool healthy(sqlite3* db)
{
    Statement st(db, "PRAGMA quick_check");
    if (!st || sqlite3_step(st.s) != SQLITE_ROW)
        return false;
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0));
    return text && std::string(text) == "ok";
}

/** Opens and checks the file; null if it is not a usable store. */
sqlite3* tryOpen(const fs::path& file)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(pathText(file).c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000); // another loopmind process may be writing
    // WAL: readers never block the writer, and a killed writer leaves only an uncommitted tail to ignore.
    bool ok = exec(db, "PRAGMA journal_mode=WAL") && exec(db, "PRAGMA synchronous=NORMAL") && healthy(db)
              && exec(db, "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    if (ok && singleInteger(db, "SELECT value FROM meta WHERE name='layout'").value_or(-1) != layoutVersion) {
        ok = exec(db, "DROP TABLE IF EXISTS loops")
             && exec(db, ("INSERT OR REPLACE INTO meta VALUES ('layout', " + std::to_string(layoutVersion) + ")").c_str());
    }
    ok = ok && exec(db, createTable);
    if (!ok) {
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

void removeStore(const fs::path& file)
{
    std::error_code ec;
    for (const char* suffix : { "", "-wal", "-shm", "-journal" })
        fs::remove(fs::path(file.native() + suffix), ec);
}

std::string withoutPath(const std::optional<std::string>& text, const fs::path& path)
{
    const auto name = pathText(path);
    if (text->rfind(name, 0) == 0)
        return pathMarker + text->substr(name.size());
    return *text;
}

std::string withPath(std::string text, const fs::path& path)
{
    if (text.rfind(pathMarker, 0) == 0)
        return pathText(path) + text.substr(std::string(pathMarker).size());
    return text;
}

void bindText(sqlite3_stmt* s, int i, const std::optional<std::string>& v)
{
    if (v) sqlite3_bind_text(s, i, v->c_str(), int(v->size()), SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, i);
}

void bindReal(sqlite3_stmt* s, int i, std::optional<double> v)
{
    if (v && std::isfinite(*v)) sqlite3_bind_double(s, i, *v);
    else sqlite3_bind_null(s, i);
}

std::optional<std::string> columnText(sqlite3_stmt* s, int i)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL)
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)));
}

std::optional<double> columnReal(sqlite3_stmt* s, int i)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(s, i);
}
} // namespace

std::optional<FileStamp> stampOf(const fs::path& path)
{
    std::error_code ec;
    const auto absolute = fs::absolute(path, ec).lexically_normal();
    if (ec) return std::nullopt;
    const auto size = fs::file_size(absolute, ec);
    if (ec) return std::nullopt;
    const auto modified = fs::last_write_time(absolute, ec);
    if (ec) return std::nullopt;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count();
    return FileStamp { pathText(absolute), std::int64_t(size), std::int64_t(ns) };
}

fs::path AnalysisCache::defaultLocation()
{
    return userCacheFolder() / "analysis.sqlite";
}

Result<std::unique_ptr<AnalysisCache>> AnalysisCache::open(const fs::path& file, int analysisVersion)
{
    using R = Result<std::unique_ptr<AnalysisCache>>;
    std::error_code ec;
    if (file.has_parent_path())
        fs::create_directories(file.parent_path(), ec);
    bool rebuilt = false;
    sqlite3* db = tryOpen(file);
    if (!db) { // damaged or not a database: a cache can always be rebuilt
        removeStore(file);
        rebuilt = true;
        db = tryOpen(file);
    }
    if (!db)
        return R::failure("analysis cache " + pathText(file) + " cannot be opened or created");
    return R::success(std::unique_ptr<AnalysisCache>(new AnalysisCache(db, file, analysisVersion, rebuilt)));
}

AnalysisCache::AnalysisCache(sqlite3* db, fs::path file, int version, bool rebuilt)
    : db_(db), file_(std::move(file)), version_(version), rebuilt_(rebuilt)
{
}

AnalysisCache::~AnalysisCache() { sqlite3_close(db_); }

std::optional<LoopInfo> AnalysisCache::lookup(const FileStamp& stamp, const fs::path& asGiven)
{
    std::lock_guard lock(mutex_);
    Statement st(db_, "SELECT ok, error, warning, duration, sample_rate, channels, bit_depth, format, bpm, bpm_confidence,"
                      " beats, key, key_confidence, role, role_confidence, lufs, true_peak, lra, waveform, tempo_from_file, wrap_jump_db, wrap_clicks FROM loops"
                      " WHERE path=?1 AND size=?2 AND mtime_ns=?3 AND version=?4");
    if (!st)
        return std::nullopt; // a damaged store reads as empty, never as a crash
    sqlite3_bind_text(st.s, 1, stamp.absolutePath.c_str(), int(stamp.absolutePath.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st.s, 2, stamp.size);
    sqlite3_bind_int64(st.s, 3, stamp.modifiedNs);
    sqlite3_bind_int(st.s, 4, version_);
    if (sqlite3_step(st.s) != SQLITE_ROW)
        return std::nullopt;
    auto* s = st.s;
    LoopInfo i;
    i.path = asGiven;
    i.ok = sqlite3_column_int(s, 0) != 0;
    if (auto e = columnText(s, 1)) i.error = withPath(*e, asGiven);
    if (auto w = columnText(s, 2)) i.warning = withPath(*w, asGiven);
    i.durationSeconds = columnReal(s, 3).value_or(0);
    i.sampleRate = columnReal(s, 4).value_or(0);
    i.channels = sqlite3_column_int(s, 5);
    i.bitDepth = sqlite3_column_int(s, 6);
    i.format = columnText(s, 7).value_or("");
    i.bpm = columnReal(s, 8);
    i.bpmConfidence = columnReal(s, 9).value_or(0);
    i.beats = sqlite3_column_int(s, 10);
    i.key = columnText(s, 11);
    i.keyConfidence = columnReal(s, 12).value_or(0);
    i.role = columnText(s, 13);
    i.roleConfidence = columnReal(s, 14).value_or(0);
    i.lufs = columnReal(s, 15);
    i.truePeakDb = columnReal(s, 16);
    i.lra = columnReal(s, 17);
    if (sqlite3_column_type(s, 18) == SQLITE_BLOB) {
        const void* blob = sqlite3_column_blob(s, 18);
        if (auto w = decodeWaveform(blob, size_t(sqlite3_column_bytes(s, 18))))
            i.waveform = std::move(*w);
    }
    i.tempoFromFile = sqlite3_column_int(s, 19) != 0;
    i.wrapJumpDb = columnReal(s, 20);
    i.wrapClicks = sqlite3_column_int(s, 21) != 0;
    return i;
}

Status AnalysisCache::store(const std::vector<std::pair<FileStamp, LoopInfo>>& batch)
{
    if (batch.empty())
        return Status::success();
    std::lock_guard lock(mutex_);
    auto failed = [this](const std::string& why) { // kept for writeProblem(): a full disk is said once, not per batch
        const auto problem = "analysis cache " + pathText(file_) + " cannot be written: " + why;
        if (writeProblem_.empty())
            writeProblem_ = problem;
        return Status::failure(problem);
    };
    if (!exec(db_, "BEGIN IMMEDIATE"))
        return failed(sqlite3_errmsg(db_));
    bool ok = true;
    {
        Statement st(db_, "INSERT OR REPLACE INTO loops VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)");
        ok = bool(st);
        for (size_t n = 0; ok && n < batch.size(); ++n) {
            const auto& [stamp, i] = batch[n];
            auto* s = st.s;
            sqlite3_reset(s);
            sqlite3_bind_text(s, 1, stamp.absolutePath.c_str(), int(stamp.absolutePath.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 2, stamp.size);
            sqlite3_bind_int64(s, 3, stamp.modifiedNs);
            sqlite3_bind_int(s, 4, version_);
            sqlite3_bind_int(s, 5, i.ok ? 1 : 0);
            bindText(s, 6, i.error ? std::optional(withoutPath(i.error, i.path)) : std::nullopt);
            bindText(s, 7, i.warning ? std::optional(withoutPath(i.warning, i.path)) : std::nullopt);
            bindReal(s, 8, i.durationSeconds);
            bindReal(s, 9, i.sampleRate);
            sqlite3_bind_int(s, 10, i.channels);
            sqlite3_bind_int(s, 11, i.bitDepth);
            bindText(s, 12, i.format);
            bindReal(s, 13, i.bpm);
            bindReal(s, 14, i.bpmConfidence);
            sqlite3_bind_int(s, 15, i.beats);
            bindText(s, 16, i.key);
            bindReal(s, 17, i.keyConfidence);
            bindText(s, 18, i.role);
            bindReal(s, 19, i.roleConfidence);
            bindReal(s, 20, i.lufs);
            bindReal(s, 21, i.truePeakDb);
            bindReal(s, 22, i.lra);
            const auto waveform = encodeWaveform(i.waveform);
            if (waveform.empty()) sqlite3_bind_null(s, 23);
            else sqlite3_bind_blob(s, 23, waveform.data(), int(waveform.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int(s, 24, i.tempoFromFile ? 1 : 0);
            bindReal(s, 25, i.wrapJumpDb);
            sqlite3_bind_int(s, 26, i.wrapClicks ? 1 : 0);
            ok = sqlite3_step(s) == SQLITE_DONE;
        }
    }
    if (!ok) {
        const std::string why = sqlite3_errmsg(db_);
        exec(db_, "ROLLBACK");
        return failed(why);
    }
    if (!exec(db_, "COMMIT")) {
        const std::string why = sqlite3_errmsg(db_);
        exec(db_, "ROLLBACK");
        return failed(why);
    }
    return Status::success();
}

std::string AnalysisCache::writeProblem()
{
    std::lock_guard lock(mutex_);
    return writeProblem_;
}

std::size_t AnalysisCache::entryCount()
{
    std::lock_guard lock(mutex_);
    return std::size_t(singleInteger(db_, "SELECT count(*) FROM loops").value_or(0));
}

} // namespace loopmind
