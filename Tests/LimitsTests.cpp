// Limits: a song's length and track count (Arrangement/SongLimits.h) are refused with a sentence past what renders,
// when read, arranged or edited; a long song's premaster spills to a scratch file (Core/SpillBuffer) that changes no
// sample, leaves no file behind, and on a full disk fails up front with the room it needed.
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/SongLimits.h"
#include "Core/SpillBuffer.h"
#include "Document/SectionEdits.h"
#include "Document/SongEdits.h"
#include "Render/AIAsyncRenderer.h"
#include "Support/EngineFixtures.h"
#include "Support/SmallDisk.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
Arrangement songOfBars(int sectionBars, int sections, double bpm, int tracks)
{
    Arrangement a;
    a.bpm = bpm;
    a.sampleRate = 48000;
    for (int s = 0; s < sections; ++s)
        a.sections.push_back({ "main", s * sectionBars, sectionBars, 0.5, 0.0, {} });
    for (int t = 0; t < tracks; ++t) {
        ArrangementTrack track;
        track.name = "track " + std::to_string(t);
        track.role = "drums";
        track.loopPath = "/nowhere/loop.wav";
        track.loopBpm = bpm;
        track.loopBeats = 4;
        track.clips.push_back({ 0, sectionBars, {} });
        a.tracks.push_back(track);
    }
    return a;
}

Result<Arrangement> readBack(const Arrangement& a)
{
    return arrangementFromJson(nlohmann::json::parse(arrangementToText(a)), "/");
}

RenderJob masteredJob(const fs::path& mix, double seconds)
{
    RenderJob job;
    job.sampleRate = 48000;
    job.lengthInSamples = std::int64_t(seconds * job.sampleRate);
    job.tracks = makeEngineTracks(3, job.sampleRate, 0.7, seconds);
    job.output.mixPath = mix;
    job.output.bitDepth = 24;
    return job;
}
} // namespace

TEST_CASE("a 2-hour song with 128 tracks is inside the limits, and reads back", "[limits]")
{
    const auto a = songOfBars(600, 6, 124, 128); // 3,600 bars at 124 BPM: 1 h 56 min
    CHECK_FALSE(songLimitProblem(a));
    const auto back = readBack(a);
    REQUIRE(back.ok());
    CHECK(back.value().tracks.size() == 128);
}

TEST_CASE("a song past the limits is refused when read, naming the limit", "[limits]")
{
    const auto tooLong = readBack(songOfBars(1000, 5, 60, 2)); // 5,000 bars at 60 BPM: 5 h 33 min
    REQUIRE_FALSE(tooLong.ok());
    CHECK_THAT(tooLong.error(), Catch::Contains("5 h 33 min long") && Catch::Contains("the limit is 4 h 0 min"));

    const auto tooMany = readBack(songOfBars(8, 1, 120, maxSongTracks + 1));
    REQUIRE_FALSE(tooMany.ok());
    CHECK_THAT(tooMany.error(), Catch::Contains("257 tracks; the limit is 256"));

    auto fast = songOfBars(1000, 3, 120, 1); // 1 h 40 min, but at 384 kHz more samples than a buffer can count
    fast.sampleRate = 384000;
    const auto problem = songLimitProblem(fast);
    REQUIRE(problem);
    CHECK_THAT(*problem, Catch::Contains("at 384000 Hz; at that rate the limit is 1 h 33 min"));
}

TEST_CASE("an arrangement file too large to be a song is refused before it is parsed", "[limits]")
{
    TempFolder dir;
    const auto file = dir / "huge.json";
    writeBytes(file, "{");
    fs::resize_file(file, std::uintmax_t(65) << 20); // sparse: no disk used
    const auto read = readArrangementFile(file);
    REQUIRE_FALSE(read.ok());
    CHECK_THAT(read.error(), Catch::Contains("huge.json") && Catch::Contains("too large for an arrangement"));
}

TEST_CASE("edits that would grow a song past the limit are refused and change nothing", "[limits][document]")
{
    auto a = songOfBars(900, 3, 120, 2); // 2,700 bars at 120 BPM: 1 h 30 min
    const auto before = arrangementToText(a);
    CHECK(duplicateSection(a, 0)); // 2 h
    CHECK(duplicateSection(a, 0)); // 2 h 30 min
    CHECK(duplicateSection(a, 0)); // 3 h
    CHECK(duplicateSection(a, 0)); // 3 h 30 min
    CHECK(duplicateSection(a, 0)); // 4 h: the limit itself
    const auto atLimit = arrangementToText(a);
    CHECK_FALSE(duplicateSection(a, 0));
    CHECK(arrangementToText(a) == atLimit);
    CHECK_FALSE(setSongTempo(a, 100)); // slower: longer
    CHECK(setSongTempo(a, 140));       // faster: shorter
    CHECK(before != atLimit);
}

TEST_CASE("a premaster spilled to a scratch file masters to the same bytes and leaves nothing behind", "[limits][render]")
{
    TempFolder memory, spilled;
    auto inMemory = masteredJob(memory / "mix.wav", 12);
    auto onDisk = masteredJob(spilled / "mix.wav", 12);
    onDisk.premasterInMemoryBytes = 0;
    JobControl control;
    const auto a = AIAsyncRenderer::render(inMemory, control);
    const auto b = AIAsyncRenderer::render(onDisk, control);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    CHECK(readBytes(memory / "mix.wav") == readBytes(spilled / "mix.wav"));
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(spilled.path()))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string> { "mix.wav", "render-report.json" });
}

TEST_CASE("a spill buffer is zeroed, writable, and file-backed only past its size", "[limits]")
{
    TempFolder dir;
    auto small = SpillBuffer::create(1000, dir.path(), 1 << 20);
    auto large = SpillBuffer::create(1000, dir.path(), 0);
    REQUIRE(small.ok());
    REQUIRE(large.ok());
    CHECK_FALSE(small.value()->fileBacked());
    CHECK(large.value()->fileBacked());
    for (auto* b : { small.value().get(), large.value().get() }) {
        CHECK(b->data()[0] == 0.0f);
        CHECK(b->data()[999] == 0.0f);
        b->data()[999] = 0.5f;
        CHECK(b->data()[999] == 0.5f);
    }
    CHECK(fs::is_empty(dir.path())); // the file has no name
}

TEST_CASE("a spilled premaster on a full disk fails up front, naming the folder and the room it needs", "[limits][disk]")
{
    SmallDisk disk(2 << 20);
    if (!disk.mounted()) {
        WARN("a tmpfs cannot be mounted here (not root?): the test did not run");
        return;
    }
    const auto mix = disk.path() / "mix.wav";
    writeBytes(mix, "the previous mix");
    auto job = masteredJob(mix, 12); // a 4.6 MB premaster: more than the disk
    job.premasterInMemoryBytes = 0;
    JobControl control;
    const auto report = AIAsyncRenderer::render(job, control);
    REQUIRE_FALSE(report.ok);
    CHECK_THAT(report.error, Catch::Contains("no room for the 4.6 MB scratch file in " + disk.path().string()));
    CHECK(readBytes(mix) == "the previous mix");
    CHECK(disk.temporaryFiles() == 0);
    CHECK(fs::is_empty(disk.path()) == false);
}
