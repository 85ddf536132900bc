// A full disk: a render (mix and stems), a JSON file (arrangement.json, projects), the analysis cache and a freeze
// file written onto a nearly full file system fail with an error that names the file and what it needed, leave the
// previous file as it was and no temporary file behind; the rest of the job goes on where it can.
#include "Arrangement/ArrangementFile.h"
#include "Core/AtomicFile.h"
#include "Library/AnalysisCache.h"
#include "Library/LoopAnalyser.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/StemFreezer.h"
#include "Support/EngineFixtures.h"
#include "Support/SmallDisk.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
#define REQUIRE_SMALL_DISK(disk)                                                                                            \
    if (!(disk).mounted()) {                                                                                                \
        WARN("a tmpfs cannot be mounted here (not root?): the full-disk test did not run");                                 \
        return;                                                                                                             \
    }
} // namespace

TEST_CASE("a render onto a full disk names the file and its need, and leaves the previous mix", "[disk][render]")
{
    SmallDisk disk(2 << 20);
    REQUIRE_SMALL_DISK(disk);
    const auto mix = disk.path() / "mix.wav";
    writeBytes(mix, "the previous mix");
    RenderJob job;
    job.sampleRate = 48000;
    job.lengthInSamples = std::int64_t(20 * job.sampleRate); // 7.7 MB of 32-bit float stereo: more than the disk
    job.tracks = makeEngineTracks(3, job.sampleRate, 0.7, 20);
    job.output.mixPath = mix;
    job.output.stemsFolder = disk.path() / "stems";
    job.output.bitDepth = 32;
    job.output.mastering.enabled = false;
    JobControl control;
    const auto report = AIAsyncRenderer::render(job, control);
    CHECK_FALSE(report.ok);
    INFO(report.error);
    CHECK_THAT(report.error, Catch::Contains("the disk is full") && Catch::Contains("it needs about 7.7 MB"));
    CHECK_THAT(report.error, Catch::Contains(disk.path().string()));
    CHECK(readBytes(mix) == "the previous mix");
    CHECK(disk.temporaryFiles() == 0);
    CHECK(fs::is_empty(disk.path() / "stems"));
}

TEST_CASE("a JSON file onto a full disk fails by name and keeps the previous one", "[disk]")
{
    SmallDisk disk(1 << 20);
    REQUIRE_SMALL_DISK(disk);
    const auto file = disk.path() / "arrangement.json";
    REQUIRE(writeTextFileAtomically(file, "{}").ok());
    disk.fill(2048);
    const auto written = writeTextFileAtomically(file, std::string(64 * 1024, ' ') + "{}");
    REQUIRE_FALSE(written.ok());
    CHECK_THAT(written.error(), Catch::Contains("writing " + file.string()) && Catch::Contains("the disk is full"));
    CHECK(readBytes(file) == "{}");
    CHECK(disk.temporaryFiles() == 0);
}

TEST_CASE("an analysis cache on a full disk says so once, and the analysis goes on", "[disk][library]")
{
    TempFolder loops;
    std::vector<fs::path> files;
    for (int i = 0; i < 40; ++i) {
        files.push_back(loops / ("loop " + std::to_string(i) + ".wav"));
        writeAudioFile(files.back(), makeBeatSignal(44100, 2, 2.0, 100 + i, 0.5f), 44100, 16);
    }
    SmallDisk disk(1 << 20);
    REQUIRE_SMALL_DISK(disk);
    auto cache = AnalysisCache::open(disk.path() / "cache.sqlite");
    REQUIRE(cache.ok());
    disk.fill(0);
    JobControl control;
    const auto results = analyseLoopFiles(files, 2, control, cache.value().get());
    for (const auto& r : results)
        CHECK(r.ok);
    const auto problem = cache.value()->writeProblem();
    CHECK_THAT(problem, Catch::Contains((disk.path() / "cache.sqlite").string()) && Catch::Contains("cannot be written"));
}

TEST_CASE("a freeze file that does not fit is reported, and the track is frozen in memory", "[disk][freeze]")
{
    SmallDisk disk(1 << 20);
    REQUIRE_SMALL_DISK(disk);
    RenderJob job;
    job.sampleRate = 48000;
    job.lengthInSamples = std::int64_t(4 * job.sampleRate);
    job.tracks = makeEngineTracks(2, job.sampleRate, 0.7, 4);
    Arrangement song;
    song.tracks.resize(1);
    song.tracks[0].name = job.tracks[1].name;
    song.tracks[0].frozen = true;
    JobControl control;
    const auto problems = applyFreezes(job, song, { disk.path() / "Frozen" }, control);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("frozen in memory only") && Catch::Contains("the disk is full"));
    CHECK(job.tracks[1].frozen);
    CHECK(disk.temporaryFiles() == 0);
}
