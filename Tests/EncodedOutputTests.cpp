// Encoded delivery: a render's mix and stems as MP3 (LAME) or Ogg Vorbis decode back to the song's exact length (MP3:
// the LAME tag's delay and padding trimmed; Ogg: the last granule position), sound like the WAV render, and are the
// same bytes every time.
#include "Library/DecodedAudio.h"
#include "Render/Mp3Encoder.h"
#include "Support/EngineFixtures.h"
#include "Support/OfflineRender.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("an MP3 or Ogg Vorbis render decodes to the song's exact length, close to the WAV render, the same bytes every time",
          "[render][mp3]")
{
    constexpr double rate = 44100, seconds = 1.5;
    const auto format = GENERATE(AudioFileFormat::mp3, AudioFileFormat::ogg);
    const std::string extension = format == AudioFileFormat::mp3 ? ".mp3" : ".ogg";
    INFO(extension);
    TempFolder dir;
    const auto tracks = makeEngineTracks(2, rate, 0.5, seconds);
    const auto wav = renderOffline(dir, tracks, {}, seconds, 0, "wav", rate);
    auto mp3 = [&](const std::string& name) {
        RenderJob job;
        job.sampleRate = rate;
        job.lengthInSamples = std::int64_t(seconds * rate);
        job.tracks = tracks;
        job.output.mixPath = dir / (name + extension);
        job.output.stemsFolder = dir / (name + "-stems");
        job.output.format = format;
        job.output.bitrateKbps = 256;
        job.output.mastering.enabled = false;
        JobControl control;
        const auto report = AIAsyncRenderer::render(job, control);
        REQUIRE(report.ok);
        return report;
    };
    const auto first = mp3("first");
    const auto again = mp3("again");
    CHECK(readBytes(first.mixPath) == readBytes(again.mixPath));
    REQUIRE(first.stemPaths.size() == 2);
    CHECK(first.stemPaths[0].extension() == extension);

    auto decoded = decodeAudioFile(first.mixPath);
    REQUIRE(decoded);
    const auto& audio = decoded.value().audio;
    CHECK(audio.getNumSamples() == wav.mix.getNumSamples()); // gapless: not a sample more or less
    double error = 0, signal = 0;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < std::min(audio.getNumSamples(), wav.mix.getNumSamples()); ++i) {
            const double d = double(audio.getSample(c, i)) - double(wav.mix.getSample(c, i));
            error += d * d;
            signal += double(wav.mix.getSample(c, i)) * double(wav.mix.getSample(c, i));
        }
    INFO("error " << 10 * std::log10(error / signal) << " dB");
    CHECK(error < signal * 0.001); // within -30 dB (MP3 -40.5 here): the same music, lined up to the sample (a shift is not)
}

TEST_CASE("MP3 settings MP3 cannot hold are refused with a sentence", "[render][mp3]")
{
    TempFolder dir;
    auto tooFast = Mp3Encoder::create(dir / "x.mp3", 96000, 2, 320);
    REQUIRE_FALSE(tooFast);
    CHECK(tooFast.error().find("MP3 has no 96000 Hz") != std::string::npos);
    auto surround = Mp3Encoder::create(dir / "y.mp3", 48000, 6, 320);
    REQUIRE_FALSE(surround);
    CHECK(surround.error().find("mono or stereo") != std::string::npos);
}
