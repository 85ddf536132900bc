// The engine: parallel and serial processing agree bit for bit, hot swaps and loop jumps do not click,
// and without a device the engine says so and keeps working.
#include "Engine/AudioEngine.h"
#include "Engine/ParallelPlanRunner.h"
#include "Render/AIAsyncRenderer.h"
#include "Support/EngineFixtures.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
constexpr double rate = 48000;
constexpr int block = 256;

/** Plays the engine for `blocks` blocks and returns the output. */
juce::AudioBuffer<float> play(AudioEngine& engine, int blocks)
{
    juce::AudioBuffer<float> out(2, blocks * block);
    for (int b = 0; b < blocks; ++b) {
        float* channels[2] = { out.getWritePointer(0, b * block), out.getWritePointer(1, b * block) };
        engine.processBlock(channels, 2, block);
    }
    return out;
}

float largestJump(const juce::AudioBuffer<float>& b, int from, int to)
{
    float worst = 0;
    for (int c = 0; c < 2; ++c)
        for (int i = std::max(1, from); i < to; ++i)
            worst = std::max(worst, std::abs(b.getSample(c, i) - b.getSample(c, i - 1)));
    return worst;
}
} // namespace

TEST_CASE("parallel and serial rendering give bit-identical samples", "[engine]")
{
    TempFolder dir;
    auto tracks = makeEngineTracks(32, rate, 1.3, 6.0);
    std::string files[3];
    int i = 0;
    for (int workers : { 0, 1, 3 }) {
        RenderJob job;
        job.sampleRate = rate;
        job.lengthInSamples = std::int64_t(6.0 * rate);
        job.tracks = tracks;
        job.workers = workers;
        job.output.mixPath = dir / ("mix" + std::to_string(workers) + ".wav");
        job.output.bitDepth = 32;
        JobControl control;
        REQUIRE(AIAsyncRenderer::render(job, control).ok);
        files[i++] = readBytes(job.output.mixPath);
    }
    CHECK(files[0].size() > 1000000);
    CHECK(files[0] == files[1]);
    CHECK(files[0] == files[2]);
}

TEST_CASE("the live engine gives the same samples with and without workers", "[engine]")
{
    juce::AudioBuffer<float> outputs[2];
    for (int workers : { 0, 2 }) {
        AudioEngine engine(workers);
        engine.prepare(rate, block);
        REQUIRE(engine.load(makeEngineTracks(16, rate, 0.7, 4.0), std::int64_t(4.0 * rate)).ok());
        engine.play();
        outputs[workers / 2] = play(engine, 500);
    }
    CHECK(outputs[0].getMagnitude(0, 0, outputs[0].getNumSamples()) > 0.01f);
    bool identical = true;
    for (int c = 0; c < 2; ++c)
        identical = identical && std::memcmp(outputs[0].getReadPointer(c), outputs[1].getReadPointer(c), sizeof(float) * size_t(outputs[0].getNumSamples())) == 0;
    CHECK(identical);
}

TEST_CASE("a hot swap of the session does not disturb the sound", "[engine]")
{
    AudioEngine engine(1);
    engine.prepare(rate, block);
    auto tracks = makeEngineTracks(8, rate, 1.0, 20.0);
    REQUIRE(engine.load(tracks, std::int64_t(20.0 * rate)).ok());
    engine.play();
    auto before = play(engine, 100);
    REQUIRE(engine.load(tracks, std::int64_t(20.0 * rate)).ok()); // the same song, new graph and plan
    auto after = play(engine, 100);
    engine.releaseRetiredSessions();
    // The swapped-in session continues exactly where the old one was: compare with an unswapped run.
    AudioEngine reference(1);
    reference.prepare(rate, block);
    REQUIRE(reference.load(tracks, std::int64_t(20.0 * rate)).ok());
    reference.play();
    play(reference, 100);
    auto expected = play(reference, 100);
    float worst = 0;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < expected.getNumSamples(); ++i)
            worst = std::max(worst, std::abs(expected.getSample(c, i) - after.getSample(c, i)));
    CHECK(worst < 1e-6f);
    CHECK(before.getMagnitude(0, 0, before.getNumSamples()) > 0.01f);
}

TEST_CASE("loop jumps are declicked and the transport wraps", "[engine]")
{
    AudioEngine engine(1);
    engine.prepare(rate, block);
    auto tracks = makeEngineTracks(4, rate, 2.0, 8.0);
    REQUIRE(engine.load(tracks, std::int64_t(8.0 * rate)).ok());
    const std::int64_t loopStart = 12345, loopEnd = 12345 + std::int64_t(0.73 * rate); // mid-note on purpose
    engine.setLoop(loopStart, loopEnd, true);
    engine.setPosition(loopStart);
    engine.play();
    auto out = play(engine, 400);
    CHECK(engine.isPlaying());
    CHECK(engine.position() >= loopStart);
    CHECK(engine.position() < loopEnd);
    const int seam = int(loopEnd - loopStart);
    const float typical = largestJump(out, seam - 2000, seam - 200);
    CHECK(largestJump(out, seam - 100, seam + 100) <= typical * 1.5f + 1e-4f);
}

TEST_CASE("playback stops at the end of the song", "[engine]")
{
    AudioEngine engine(0);
    engine.prepare(rate, block);
    REQUIRE(engine.load(makeEngineTracks(2, rate, 0.5, 1.0), std::int64_t(rate)).ok());
    engine.play();
    play(engine, 300);
    CHECK_FALSE(engine.isPlaying());
    CHECK(engine.position() >= std::int64_t(rate));
}

TEST_CASE("mute and solo silence the right tracks and meters see it", "[engine]")
{
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load(makeEngineTracks(3, rate, 1.0, 10.0), std::int64_t(10.0 * rate)).ok());
    engine.play();
    engine.setTrackSolo(1, true);
    play(engine, 50);
    engine.takeTrackPeak(0);
    engine.takeTrackPeak(1);
    play(engine, 50);
    CHECK(engine.takeTrackPeak(0) == 0.0f);
    CHECK(engine.takeTrackPeak(1) > 0.0f);
    CHECK(engine.masterMeter().takePeak() > 0.0f);
    CHECK(engine.masterMeter().shortTermLufs() > -60.0f);
    engine.setTrackSolo(1, false);
    engine.setTrackMute(0, true);
    engine.setTrackMute(1, true);
    engine.setTrackMute(2, true);
    play(engine, 4); // one block ramps to silence
    engine.masterMeter().takePeak();
    play(engine, 10);
    CHECK(engine.masterMeter().takePeak() == 0.0f);
}

TEST_CASE("without an audio device the engine says so and keeps working", "[engine]")
{
    AudioEngine engine(1);
    const auto problem = engine.openDevice("NoSuchDeviceType");
    if (engine.hasDevice()) {
        WARN("this machine has an audio device: " << engine.deviceDescription());
    } else {
        CHECK(problem.find("no audio device") != std::string::npos);
        CHECK(engine.deviceDescription() == "no audio device");
    }
    engine.closeDevice();
    engine.prepare(rate, block);
    REQUIRE(engine.load(makeEngineTracks(2, rate, 1.0, 2.0), std::int64_t(2.0 * rate)).ok());
    engine.play();
    auto out = play(engine, 20);
    CHECK(out.getMagnitude(0, 0, out.getNumSamples()) > 0.0f);
}
