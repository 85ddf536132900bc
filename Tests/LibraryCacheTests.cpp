// The analysis cache: a rescan of an unchanged folder decodes nothing, a changed file is analysed again,
// a damaged or killed store is rebuilt or kept consistent, never a crash.
#include "Library/AnalysisCache.h"
#include "Library/FileDiscovery.h"
#include "Library/LoopAnalyser.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
std::vector<fs::path> makeLibrary(const TempFolder& dir, int count)
{
    fs::create_directories(dir / "lib");
    std::vector<fs::path> files;
    for (int i = 0; i < count; ++i) {
        const double bpm = 100 + 5 * (i % 16);
        const auto path = dir.path() / "lib" / ("loop" + std::to_string(i) + ".wav");
        writeAudioFile(path, makeBeatSignal(44100, 2, 8 * 60.0 / bpm, bpm), 44100, 16);
        files.push_back(path);
    }
    return files;
}

struct Scan {
    std::vector<LoopInfo> loops;
    int decoded = 0, fromCache = 0;
    double seconds = 0;
};

Scan scan(const std::vector<fs::path>& files, const fs::path& cacheFile)
{
    auto cache = AnalysisCache::open(cacheFile);
    REQUIRE(cache.ok());
    JobControl control;
    AnalysisCounts counts;
    const auto start = std::chrono::steady_clock::now();
    Scan s;
    s.loops = analyseLoopFiles(files, 2, control, cache.value().get(), &counts);
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    s.decoded = counts.decoded;
    s.fromCache = counts.fromCache;
    return s;
}

std::string asText(const std::vector<LoopInfo>& loops)
{
    auto a = nlohmann::json::array();
    for (const auto& l : loops) a.push_back(toJson(l));
    return a.dump();
}
} // namespace

TEST_CASE("a second scan of an unchanged folder decodes nothing and gives the same answers", "[library][cache]")
{
    TempFolder dir;
    const auto files = makeLibrary(dir, 6);
    const auto store = dir / "cache" / "analysis.sqlite";
    const auto cold = scan(files, store);
    CHECK(cold.decoded == 6);
    CHECK(cold.fromCache == 0);
    const auto warm = scan(files, store); // a new connection: the answers come from disk
    CHECK(warm.decoded == 0);
    CHECK(warm.fromCache == 6);
    CHECK(asText(warm.loops) == asText(cold.loops));
    for (size_t i = 0; i < files.size(); ++i) { // exact values, not rounded ones: arrangements stay identical
        CHECK(warm.loops[i].path == files[i]);
        CHECK(warm.loops[i].bpm == cold.loops[i].bpm);
        CHECK(warm.loops[i].durationSeconds == cold.loops[i].durationSeconds);
    }
    WARN("cold scan " << cold.seconds * 1000 << " ms, cached rescan " << warm.seconds * 1000 << " ms for 6 files");
}

TEST_CASE("a file that changed size or time is analysed again, the rest is not", "[library][cache]")
{
    TempFolder dir;
    const auto files = makeLibrary(dir, 4);
    const auto store = dir / "analysis.sqlite";
    scan(files, store);
    writeAudioFile(files[1], makeBeatSignal(44100, 2, 4.0, 120), 44100, 16); // new content and size
    fs::last_write_time(files[2], fs::last_write_time(files[2]) + std::chrono::seconds(3)); // touched only
    const auto again = scan(files, store);
    CHECK(again.decoded == 2);
    CHECK(again.fromCache == 2);
    CHECK(again.loops[1].durationSeconds == Approx(4.0).margin(1e-3));
    CHECK(scan(files, store).decoded == 0);
}

TEST_CASE("a changed analyser version invalidates every entry", "[library][cache]")
{
    TempFolder dir;
    const auto files = makeLibrary(dir, 2);
    const auto store = dir / "analysis.sqlite";
    scan(files, store);
    auto newer = AnalysisCache::open(store, currentAnalysisVersion + 1);
    REQUIRE(newer.ok());
    const auto stamp = stampOf(files[0]);
    REQUIRE(stamp.has_value());
    CHECK_FALSE(newer.value()->lookup(*stamp, files[0]).has_value());
}

TEST_CASE("files that fail to decode are cached as failures naming the path as given", "[library][cache]")
{
    TempFolder dir;
    writeBytes(dir / "broken.wav", std::string(2000, 'x'));
    const auto store = dir / "analysis.sqlite";
    const std::vector<fs::path> files { dir / "broken.wav" };
    const auto cold = scan(files, store);
    REQUIRE_FALSE(cold.loops[0].ok);
    const auto warm = scan(files, store);
    CHECK(warm.decoded == 0);
    REQUIRE(warm.loops[0].error.has_value());
    CHECK(*warm.loops[0].error == *cold.loops[0].error);
}

TEST_CASE("a corrupt cache file is discarded and rebuilt, not a crash", "[library][cache]")
{
    TempFolder dir;
    const auto files = makeLibrary(dir, 3);
    const auto store = dir / "analysis.sqlite";

    SECTION("garbage where the database should be")
    {
        writeBytes(store, std::string(8192, '\x5a'));
    }
    SECTION("a real database with damaged pages")
    {
        scan(files, store);
        auto cache = AnalysisCache::open(store); // checkpoint the WAL into the main file, then damage it
        cache.value().reset();
        auto bytes = readBytes(store);
        REQUIRE(bytes.size() > 4096);
        for (size_t i = 100; i < bytes.size(); i += 7) bytes[i] = char(bytes[i] ^ 0x55);
        writeBytes(store, bytes);
    }
    auto reopened = AnalysisCache::open(store);
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->wasRebuilt());
    reopened.value().reset();
    const auto s = scan(files, store);
    CHECK(s.decoded == 3);
    CHECK(scan(files, store).fromCache == 3);
}

TEST_CASE("a writer killed mid-scan leaves a consistent cache", "[library][cache]")
{
    TempFolder dir;
    const auto store = dir / "analysis.sqlite";
    REQUIRE(AnalysisCache::open(store).ok());
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) { // writes batches of 32 as fast as it can until killed
        auto cache = AnalysisCache::open(store);
        if (!cache.ok())
            _exit(1);
        for (int batch = 0;; ++batch) {
            std::vector<std::pair<FileStamp, LoopInfo>> entries;
            for (int i = 0; i < 32; ++i) {
                LoopInfo l;
                l.path = "/x/" + std::to_string(batch) + "_" + std::to_string(i) + ".wav";
                l.ok = true;
                l.bpm = 120;
                entries.push_back({ FileStamp { l.path.string(), 1000, 1 }, l });
            }
            cache.value()->store(entries);
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    auto after = AnalysisCache::open(store);
    REQUIRE(after.ok());
    CHECK_FALSE(after.value()->wasRebuilt());
    const auto entries = after.value()->entryCount();
    CHECK(entries > 0);
    CHECK(entries % 32 == 0); // whole transactions only
}

TEST_CASE("the cache lives where LOOPMIND_CACHE_DIR or XDG_CACHE_HOME say", "[library][cache]")
{
    const char* old = std::getenv("LOOPMIND_CACHE_DIR");
    const std::string saved = old ? old : "";
    setenv("LOOPMIND_CACHE_DIR", "/tmp/lm-cache-test", 1);
    CHECK(AnalysisCache::defaultLocation() == fs::path("/tmp/lm-cache-test/analysis.sqlite"));
    unsetenv("LOOPMIND_CACHE_DIR");
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const std::string savedXdg = xdg ? xdg : "";
    setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
    CHECK(AnalysisCache::defaultLocation() == fs::path("/tmp/xdg/loopmind/analysis.sqlite"));
    if (xdg) setenv("XDG_CACHE_HOME", savedXdg.c_str(), 1); else unsetenv("XDG_CACHE_HOME");
    if (old) setenv("LOOPMIND_CACHE_DIR", saved.c_str(), 1);
}

TEST_CASE("cached rescan speed (hidden: run with [cachebench])", "[.][cachebench]")
{
    TempFolder dir;
    const auto files = makeLibrary(dir, 300);
    const auto store = dir / "analysis.sqlite";
    const auto cold = scan(files, store);
    const auto warm = scan(files, store);
    CHECK(warm.decoded == 0);
    WARN("300 files: cold " << 300 / cold.seconds << " loops/s, cached " << 300 / warm.seconds << " files/s");
}
