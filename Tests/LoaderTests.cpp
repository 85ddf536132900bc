// Decoding and discovery on generated good and bad files: formats load, bad files give a sentence naming
// the file, nothing crashes, hangs or allocates what the file cannot justify.
#include "Library/DecodedAudio.h"
#include "Library/FileDiscovery.h"
#include "Library/LoopAnalyser.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

TEST_CASE("good files of many formats load with their true rate, channels and length", "[loader]")
{
    TempFolder dir;
    struct Case { const char* name; double rate; int channels; int bits; };
    const Case cases[] = { { "8bit.wav", 22050, 1, 8 }, { "16bit.wav", 44100, 2, 16 }, { "24bit.WAV", 48000, 2, 24 },
                           { "float.wav", 96000, 2, 32 }, { "six channels.wav", 48000, 6, 24 }, { "mono.aiff", 44100, 1, 16 },
                           { "lossless.flac", 44100, 2, 24 }, { "Ünïcødé ループ ☆.wav", 44100, 2, 16 } };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name)
        {
            const auto path = dir / c.name;
            writeAudioFile(path, makeBeatSignal(c.rate, c.channels, 2.0, 120), c.rate, c.bits);
            auto decoded = decodeAudioFile(path);
            REQUIRE(decoded.ok());
            CHECK(decoded->sampleRate == c.rate);
            CHECK(decoded->audio.getNumChannels() == c.channels);
            CHECK(decoded->audio.getNumSamples() == int(2.0 * c.rate));
            CHECK(decoded->warning.empty());
            CHECK(decoded->audio.getMagnitude(0, 0, decoded->audio.getNumSamples()) > 0.3f);
        }
    }
}

TEST_CASE("an MP3 loop decodes to its original length and position: the LAME tag's delay and padding are trimmed", "[loader]")
{
    if (runCommand("ffmpeg -version").exitCode != 0)
        FAIL("ffmpeg is not installed: ./setup.sh installs it");
    TempFolder dir;
    // MPEG-1 (1152 samples a frame) at 44.1 and 48 kHz, stereo and mono; MPEG-2 (576) at 22.05 kHz.
    struct Case { double rate; int channels; };
    for (const auto& c : { Case { 44100, 2 }, Case { 48000, 1 }, Case { 22050, 2 } }) {
        DYNAMIC_SECTION(c.rate << " Hz, " << c.channels << " channel(s)")
        {
            const int n = int(2.0 * c.rate); // one bar at 120 BPM
            const auto original = makeBeatSignal(c.rate, c.channels, 2.0, 120);
            writeAudioFile(dir / "loop.wav", original, c.rate, 16);
            const auto encoded = runCommand("ffmpeg -loglevel error -y -i " + quoted(dir / "loop.wav") + " -c:a libmp3lame -b:a 192k "
                                            + quoted(dir / "loop.mp3"));
            REQUIRE(encoded.exitCode == 0);
            auto decoded = decodeAudioFile(dir / "loop.mp3");
            REQUIRE(decoded.ok());
            CHECK(decoded->audio.getNumSamples() == n); // not ~1,700 samples longer
            // Aligned: the decoded audio matches the original best at no offset (MP3 is lossy: correlation, not equality).
            auto correlationAt = [&](int offset) {
                double sum = 0;
                for (int i = 1000; i < n - 1000; ++i)
                    sum += double(original.getSample(0, i)) * double(decoded->audio.getSample(0, i + offset));
                return sum;
            };
            int best = -40;
            for (int offset = -40; offset <= 40; ++offset)
                if (correlationAt(offset) > correlationAt(best))
                    best = offset;
            CHECK(best == 0);
        }
    }
}

TEST_CASE("bad files are refused with a sentence naming the file and the problem", "[loader]")
{
    TempFolder dir;
    writeBytes(dir / "empty.wav", "");
    writeBytes(dir / "text.wav", "this is a text file pretending to be audio\n");
    std::string noise;
    for (int i = 0; i < 100000; ++i)
        noise += char((i * 7919 + 13) % 251);
    writeBytes(dir / "noise.flac", noise);
    writeBytes(dir / "noise.wav", noise);
    writeBytes(dir / "notes.txt", "hello");

    for (const char* name : { "empty.wav", "text.wav", "noise.flac", "noise.wav", "notes.txt", "missing.wav" }) {
        DYNAMIC_SECTION(name)
        {
            auto decoded = decodeAudioFile(dir / name);
            REQUIRE_FALSE(decoded.ok());
            CHECK(decoded.error().find(name) != std::string::npos);
        }
    }
}

TEST_CASE("a truncated file loads what is present and says so", "[loader]")
{
    TempFolder dir;
    const auto path = dir / "cut.wav";
    writeAudioFile(path, makeBeatSignal(44100, 2, 4.0, 120), 44100, 16);
    auto bytes = readBytes(path);
    writeBytes(path, bytes.substr(0, bytes.size() / 2));
    auto decoded = decodeAudioFile(path);
    REQUIRE(decoded.ok());
    CHECK(decoded->warning.find("truncated") != std::string::npos);
    CHECK(decoded->audio.getNumSamples() == Approx(2.0 * 44100).margin(100));
}

TEST_CASE("a header claiming gigabytes never causes a giant allocation", "[loader]")
{
    TempFolder dir;
    const auto path = dir / "liar.wav";
    writeAudioFile(path, makeBeatSignal(44100, 2, 0.5, 120), 44100, 16);
    auto bytes = readBytes(path);
    const auto data = bytes.find("data");
    REQUIRE(data != std::string::npos);
    const unsigned char twoGigabytes[] = { 0xF0, 0xFF, 0xFF, 0x7F }; // data chunk size, little-endian
    for (size_t i = 0; i < 4; ++i)
        bytes[data + 4 + i] = char(twoGigabytes[i]);
    writeBytes(path, bytes);
    auto decoded = decodeAudioFile(path);
    if (decoded.ok()) {
        CHECK(decoded->audio.getNumSamples() <= 22050 + 64);
        CHECK_FALSE(decoded->warning.empty());
    } else {
        CHECK(decoded.error().find("liar.wav") != std::string::npos);
    }
}

TEST_CASE("discovery recurses, skips hidden, AppleDouble and non-audio files, and survives link cycles", "[loader]")
{
    TempFolder dir;
    fs::create_directories(dir / "pack/sub");
    const auto signal = makeBeatSignal(44100, 2, 0.5, 120);
    writeAudioFile(dir / "pack/a.wav", signal, 44100, 16);
    writeAudioFile(dir / "pack/sub/b.WAV", signal, 44100, 16);
    writeAudioFile(dir / "pack/.hidden.wav", signal, 44100, 16);
    writeAudioFile(dir / "pack/._a.wav", signal, 44100, 16);
    writeBytes(dir / "pack/readme.txt", "not audio");
    fs::create_directory_symlink(dir / "pack", dir / "pack/sub/loop-back");
    fs::create_directory_symlink(dir / "pack/sub", dir / "pack/sub/self");

    auto found = discoverAudioFiles({ dir / "pack", dir / "does-not-exist" });
    REQUIRE(found.files.size() == 2);
    CHECK(found.files[0].filename() == "a.wav");
    CHECK(found.files[1].filename() == "b.WAV");
    REQUIRE(found.problems.size() == 1);
    CHECK(found.problems[0].error.find("does-not-exist") != std::string::npos);
}

TEST_CASE("one bad file never stops the rest of an analysis job", "[loader]")
{
    TempFolder dir;
    writeAudioFile(dir / "good.wav", makeBeatSignal(44100, 2, 2.0, 120), 44100, 16);
    writeBytes(dir / "bad.wav", "garbage");
    JobControl control;
    auto loops = analyseLoopFiles({ dir / "bad.wav", dir / "good.wav" }, 2, control);
    REQUIRE(loops.size() == 2);
    CHECK_FALSE(loops[0].ok);
    CHECK(loops[1].ok);
    CHECK(loops[1].lufs.has_value());
    CHECK(control.progress.load() == 1.0);
}
