// Loudness and true peak from libebur128 agree with ffmpeg's ebur128 filter (0.1 LU, 0.3 dB).
#include "Analysis/LoopAnalysis.h"
#include "Library/DecodedAudio.h"
#include "Support/FfmpegLoudness.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("loudness agrees with ffmpeg ebur128", "[loudness]")
{
    if (runCommand("ffmpeg -version").exitCode != 0)
        FAIL("ffmpeg is not installed: ./setup.sh installs it");
    TempFolder dir;
    struct Case { const char* name; double rate; int channels; double seconds; double bpm; float level; };
    const Case cases[] = { { "stereo.wav", 44100, 2, 6.0, 120, 0.7f }, { "mono48k.wav", 48000, 1, 4.0, 90, 0.3f },
                           { "quiet.wav", 44100, 2, 5.0, 140, 0.05f } };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name)
        {
            const auto path = dir / c.name;
            writeAudioFile(path, makeBeatSignal(c.rate, c.channels, c.seconds, c.bpm, c.level), c.rate, 24);
            auto decoded = decodeAudioFile(path);
            REQUIRE(decoded.ok());
            const auto ours = analysis::measureLoudness(decoded->audio, decoded->sampleRate);
            const auto reference = ffmpegMeasure(path);
            REQUIRE(reference.ok);
            REQUIRE(ours.integratedLufs.has_value());
            REQUIRE(ours.truePeakDb.has_value());
            CHECK(*ours.integratedLufs == Approx(reference.integrated).margin(0.1));
            CHECK(*ours.truePeakDb == Approx(reference.truePeak).margin(0.3));
        }
    }
}

TEST_CASE("silence has no loudness, never NaN or Infinity", "[loudness]")
{
    juce::AudioBuffer<float> silence(2, 44100);
    silence.clear();
    const auto m = analysis::measureLoudness(silence, 44100);
    CHECK_FALSE(m.integratedLufs.has_value());
    CHECK_FALSE(m.truePeakDb.has_value());
}
