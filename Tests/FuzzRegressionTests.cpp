// Inputs the fuzz targets (Tests/Fuzz, docs/FUZZING.md) found, fed to the same functions: each must now give a
// clean result or a clean error. Inputs too big to build here are kept in Tests/Fuzz/regressions/.
#include "Library/AnalysisCache.h"
#include "Library/DecodedAudio.h"
#include "Library/WaveformCodec.h"
#include "Plugins/PluginCatalogue.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <chrono>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
const fs::path regressions = LOOPMIND_FUZZ_REGRESSIONS_DIR;

/** A short FLAC whose STREAMINFO claims `claimedFrames`, as the fuzzer made them (the field is the 36 low bits
    of the 8 bytes at offset 18: STREAMINFO is always the first block). */
std::string flacClaiming(const fs::path& dir, std::uint64_t claimedFrames)
{
    const auto path = dir / "short.flac";
    writeAudioFile(path, makeBeatSignal(8000, 1, 0.25, 120), 8000, 16);
    auto bytes = readBytes(path);
    REQUIRE(bytes.compare(0, 4, "fLaC") == 0);
    std::uint64_t field = 0;
    for (int i = 0; i < 8; ++i)
        field = field << 8 | std::uint8_t(bytes[size_t(18 + i)]);
    field = (field & ~((std::uint64_t(1) << 36) - 1)) | claimedFrames;
    for (int i = 7; i >= 0; --i, field >>= 8)
        bytes[size_t(18 + i)] = char(field & 0xff);
    return bytes;
}
} // namespace

TEST_CASE("fuzz: a small compressed file claiming half an hour allocates only what its bytes can hold", "[fuzz][loader]")
{
    // fuzz_audio_loader: a 1 KB FLAC claiming 5.5 M samples took 0.6 s and 22 MiB; claiming 14 M (29 min at 8 kHz)
    // made the loader allocate and zero-fill 56 MiB. A header's length is believed only as far as the file's size allows.
    TempFolder dir;
    const auto bytes = flacClaiming(dir.path(), 14'000'000);
    writeBytes(dir / "claims.flac", bytes);
    const auto started = std::chrono::steady_clock::now();
    auto decoded = decodeAudioFile(dir / "claims.flac");
    REQUIRE(decoded.ok());
    CHECK(decoded->audio.getNumSamples() <= std::int64_t(bytes.size()) * 4096);
    CHECK(decoded->audio.getNumSamples() >= 2000); // the real quarter second is all there
    CHECK(decoded->warning.find("truncated") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("fuzz: a damaged MP3 frame with intensity stereo decodes without harm", "[fuzz][loader]")
{
    // fuzz_audio_loader: JUCE's MP3 decoder indexes past a granule's 576 values (UBSan; JUCE's code, suppressed by
    // file in cmake/ubsan.supp). The loader must still return cleanly, whatever the decoder makes of it.
    auto decoded = decodeAudioFile(regressions / "mp3-intensity-stereo-index.mp3");
    if (decoded.ok()) {
        CHECK(decoded->audio.getNumSamples() > 0);
        CHECK(decoded->audio.getNumSamples() <= 969 * 4096);
    } else {
        CHECK(decoded.error().find("mp3-intensity-stereo-index.mp3") != std::string::npos);
    }
}

TEST_CASE("fuzz: a WAV header stating 29953 channels is refused, naming the file", "[fuzz][loader]")
{
    // fuzz_audio_loader: WAVE_FORMAT_EXTENSIBLE with 29953 channels; JUCE's reader maps each mask bit to a channel
    // type past its enum (UBSan; JUCE's code, suppressed by file in cmake/ubsan.supp). The file is refused by name.
    auto decoded = decodeAudioFile(regressions / "wav-extensible-29953-channels.wav");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().find("wav-extensible-29953-channels.wav: ") != std::string::npos);
}

TEST_CASE("fuzz: a cached waveform whose bins could not have been written reads as none, not as an overflow", "[fuzz][cache]")
{
    // A damaged cache row (Tests/Fuzz/regressions/cache-waveform-overflow.sqlite) holds a waveform of 200 bins of
    // 2^30 samples: deriving the coarser levels doubled that past an int (UBSan). Found writing fuzz_analysis_cache.
    std::string blob = "LMW1";
    for (std::uint32_t v : { 1u << 30, 200u })
        for (int i = 0; i < 4; ++i)
            blob.push_back(char((v >> (8 * i)) & 0xff));
    blob.append(400, '\0');
    CHECK_FALSE(decodeWaveform(blob.data(), blob.size()).has_value());
    blob.replace(4, 4, std::string { 0, 1, 0, 0 }); // 256 samples per bin: what the library writes
    const auto plausible = decodeWaveform(blob.data(), blob.size());
    REQUIRE(plausible.has_value());
    CHECK(plausible->levels.size() == 3);
    CHECK(plausible->levels.back().samplesPerBin == 1024);

    TempFolder dir;
    fs::copy_file(regressions / "cache-waveform-overflow.sqlite", dir / "analysis.sqlite");
    auto cache = AnalysisCache::open(dir / "analysis.sqlite", 7); // the analysis version its rows were written with
    REQUIRE(cache.ok());
    auto loop = cache.value()->lookup(FileStamp { "/loops/a.wav", 1000, 123456789 }, "/loops/a.wav");
    REQUIRE(loop.has_value()); // the rest of the row is good
    CHECK(loop->bpm == 124.0);
    CHECK(loop->waveform.levels.empty());
}

TEST_CASE("a plug-in list with numbers out of range is damaged, not a cast out of range", "[fuzz][plugins]")
{
    TempFolder dir;
    const auto file = dir / "plugins.json";
    const std::string entry = R"({"format":"LV2","identifier":"urn:x","path":"/x.lv2","modified":1,"name":"X","vendor":"V",)"
                              R"("version":"1","category":"EQ","inputs":2,"outputs":2,"instrument":false,"uniqueId":)";
    for (const char* id : { "1e300", "4294967296", "-2147483649", "1.5", "\"7\"" }) {
        writeBytes(file, R"({"catalogueVersion":1,"blacklisted":[],"notPlugins":[],"plugins":[)" + entry + id + "}]}");
        const auto read = plugins::loadCatalogue(file);
        INFO(id);
        REQUIRE_FALSE(read.ok());
        CHECK_THAT(read.error(), Catch::Contains("damaged plug-in list") && Catch::Contains("uniqueId"));
    }
    writeBytes(file, R"({"catalogueVersion":1e300,"plugins":[]})");
    CHECK_FALSE(plugins::loadCatalogue(file).ok());
    writeBytes(file, R"({"catalogueVersion":1,"blacklisted":[],"notPlugins":[],"plugins":[)" + entry + "-2147483648}]}");
    const auto fine = plugins::loadCatalogue(file);
    REQUIRE(fine.ok());
    CHECK(fine.value().plugins.at(0).plugin.uniqueId == -2147483648);
}
