#pragma once
// A persistent store of analysed loops, so a rescan of an unchanged library decodes nothing. SQLite in WAL
// mode: a kill mid-scan loses at most the batch being written, never the file. An entry is valid only for the
// same absolute path, size, modification time and analyser version; anything else is a miss.
#include "Core/Result.h"
#include "Library/LoopInfo.h"
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace loopmind {

/** Bump whenever Source/Analysis changes what it reports: every older entry then reads as a miss.
    What each version changed:
    3: waveform summary
    4: roles of 808 beats and held chords
    5: keys named in file names
    6: exact-length tempo, held-peak notes in roles
    7: low-note periodicity in roles and bass keys, exact fits at power-of-two beats
    8: harmonic partials in roles and bass keys, bass lines open on their tonic, relative keys by the opening
        chord, backbeats at hip-hop tempi, held chords and pitched lines a bar per chord, bare numbers in names
        only for unclear octaves, 32nd-note kicks only in drum kits
    9: snare backbeats on the faster grid (drum and bass), running 16ths as 8ths at twice the tempo, bowed lines
        take the exact-length tempo, struck low lines are bass and struck lines in a groove no held chord, bass
        lines without a third minor unless their 6th/7th say major, one-chord drones name their key
    10: a first bar of one clear triad names the key (lines: opening on its root), lined-up partials fully tonal
        at twice their floor (slap bass)
    11: kicks on 16ths swung as 8ths and kick/snare by the kit's own brightness balance for the hip-hop
        backbeat, sparse hits repeating whole bars take the exact-length tempo (a bar per repeat), notes
        starting one at a time are no chord (arpeggios), held notes for the exact-length tempo include lined-up
        partials (choirs, ensembles); EDM key profiles, bass lines open by their periods, two-root vamps by
        their opening, V-I at the wrap
    12: a loop opens on its tonic between relative keys, a one-bar loop has no first bar; onsets bringing
        several pitch classes at once are chords, held chords stay chords at their root's period, noisy attacks
        above an 808 boom are drums, energy below 150 Hz counts as the bass register from a fifth of the loop,
        struck lines whose lowest note sits below 150 Hz are bass, struck onsets moving on to other pitch
        classes are no chord (arpeggios), pitched material without one clear period is no single line; held
        chords a bar per chord by whole bars that differ (slow-attack pads, pads of a few attacks), kick rules
        in pitched loops need energy below 150 Hz, accented 8th lines keep the slower reading; the hip-hop backbeat
        allows kicks off its 16ths up to a fifth of their strength (half-time grooves put a third there); a periodic
        low boom with no partial series and no pitch held for 93 ms is a kick, not a note; one clear period with
        partials held still from hop to hop is one voice, not a chord, in any register */
inline constexpr int currentAnalysisVersion = 12;

/** What identifies one version of a file on disk. */
struct FileStamp {
    std::string absolutePath;
    std::int64_t size = 0;
    std::int64_t modifiedNs = 0;
};

/** Null when the file cannot be stat'ed (then it is never cached). */
std::optional<FileStamp> stampOf(const std::filesystem::path& path);

class AnalysisCache {
public:
    /** $LOOPMIND_CACHE_DIR/analysis.sqlite, else $XDG_CACHE_HOME/loopmind/..., else ~/.cache/loopmind/... */
    static std::filesystem::path defaultLocation();

    /** Opens or creates the store; an unreadable or corrupt file is deleted and rebuilt empty. */
    static Result<std::unique_ptr<AnalysisCache>> open(const std::filesystem::path& file,
                                                       int analysisVersion = currentAnalysisVersion);
    ~AnalysisCache();
    AnalysisCache(const AnalysisCache&) = delete;
    AnalysisCache& operator=(const AnalysisCache&) = delete;

    /** The stored analysis if stamp still matches; its path is set to `asGiven`. Thread-safe. */
    std::optional<LoopInfo> lookup(const FileStamp& stamp, const std::filesystem::path& asGiven);

    /** Writes all entries in one transaction. Failed (not ok) entries are stored too: a broken file stays broken. */
    Status store(const std::vector<std::pair<FileStamp, LoopInfo>>& batch);

    std::size_t entryCount();
    /** The first store that failed (a full disk, a read-only folder), naming the file and why; empty when none. */
    std::string writeProblem();
    /** True when open() found a damaged file and started again. */
    bool wasRebuilt() const { return rebuilt_; }
    const std::filesystem::path& file() const { return file_; }

private:
    AnalysisCache(sqlite3* db, std::filesystem::path file, int version, bool rebuilt);
    sqlite3* db_;
    std::filesystem::path file_;
    int version_;
    bool rebuilt_;
    std::mutex mutex_; // one connection, shared by the analysis pool
    std::string writeProblem_;
};

} // namespace loopmind
