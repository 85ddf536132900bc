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
    CHECK(sameSamples(outputs[0], outputs[1]));
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

// ---- Loop audition (the library's preview voice) and device restarts ------------------------------------

namespace {
/** A stereo loop whose every sample is non-zero and differs between the sides, so a position error shows. */
std::shared_ptr<const juce::AudioBuffer<float>> auditionLoop(int length)
{
    auto loop = std::make_shared<juce::AudioBuffer<float>>(2, length);
    for (int i = 0; i < length; ++i) {
        loop->setSample(0, i, 0.25f + 0.5f * float(std::sin(i * 0.01)));
        loop->setSample(1, i, -0.25f + 0.5f * float(std::cos(i * 0.013)));
    }
    return loop;
}

int firstNonZero(const juce::AudioBuffer<float>& b)
{
    for (int i = 0; i < b.getNumSamples(); ++i)
        if (b.getSample(0, i) != 0.0f || b.getSample(1, i) != 0.0f)
            return i;
    return -1;
}
} // namespace

TEST_CASE("while the song plays, an audition starts on the next bar with the loop's own samples", "[engine][audition]")
{
    constexpr int loopLength = 12000, start = 1000;
    constexpr double bar = 4 * 0.5 * rate; // 4 beats at 120 BPM
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load({}, std::int64_t(100 * bar)).ok()); // a silent song: what sounds is the audition alone
    engine.setPosition(start);
    engine.play();
    const auto loop = auditionLoop(loopLength);
    engine.startAudition(loop, bar);
    CHECK(engine.isAuditioning());
    const auto out = play(engine, 500);
    const int expectedStart = int(bar) - start;
    REQUIRE(firstNonZero(out) == expectedStart);
    int mismatches = 0;
    for (int i = expectedStart; i < out.getNumSamples(); ++i)
        for (int c = 0; c < 2; ++c)
            mismatches += out.getSample(c, i) != loop->getSample(c, (i - expectedStart) % loopLength);
    CHECK(mismatches == 0);
    CHECK(out.getNumSamples() - expectedStart > 2 * loopLength); // it looped, seamlessly, at least twice
}

TEST_CASE("with the transport stopped an audition starts at once, stop fades it out", "[engine][audition]")
{
    AudioEngine engine(1);
    engine.prepare(rate, block);
    const auto loop = auditionLoop(5000);
    engine.startAudition(loop, 96000);
    auto out = play(engine, 40);
    REQUIRE(firstNonZero(out) == 0);
    CHECK(out.getSample(0, 5000 + 17) == loop->getSample(0, 17));

    engine.stopAudition();
    CHECK_FALSE(engine.isAuditioning());
    out = play(engine, 4);
    CHECK(out.getMagnitude(0, 0, 8) > 0.0f);                   // fading ...
    CHECK(out.getMagnitude(0, 200, out.getNumSamples() - 200) == 0.0f); // ... then quiet
    CHECK(largestJump(out, 1, 200) < 0.05f);                   // without a click
    engine.releaseRetiredSessions();
}

TEST_CASE("a device restart at a new rate keeps the playhead's time and waits for tracks at that rate", "[engine][device]")
{
    constexpr double oldRate = 44100;
    AudioEngine engine(1);
    engine.prepare(oldRate, 512);
    REQUIRE(engine.load(makeEngineTracks(2, oldRate, 1.0, 4.0), std::int64_t(4.0 * oldRate), oldRate).ok());
    engine.play();
    CHECK(play(engine, 40).getMagnitude(0, 0, 40 * block) > 0.0f);
    const double seconds = double(engine.position()) / oldRate;

    engine.prepare(rate, 128); // what the device's restart does: a new rate and a smaller block
    CHECK(double(engine.position()) / rate == Approx(seconds).margin(1.0 / rate));
    CHECK(engine.tracksNeedPreparing());
    CHECK(play(engine, 20).getMagnitude(0, 0, 20 * block) == 0.0f); // old-rate audio would play at the wrong pitch
    CHECK(engine.isPlaying());
    CHECK(double(engine.position()) / rate == Approx(seconds + 20.0 * block / rate).margin(1.0 / rate));

    REQUIRE(engine.load(makeEngineTracks(2, rate, 1.0, 4.0), std::int64_t(4.0 * rate), rate).ok());
    CHECK_FALSE(engine.tracksNeedPreparing());
    CHECK(play(engine, 20).getMagnitude(0, 0, 20 * block) > 0.0f); // blocks of 256 on a plan for 128: split in time
    engine.releaseRetiredSessions();
}

TEST_CASE("an audition lined up with Play waits silently, then starts with the song's first bar", "[engine][audition]")
{
    constexpr double bar = 4 * 0.5 * rate;
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load({}, std::int64_t(100 * bar)).ok());
    const auto loop = auditionLoop(7000);
    engine.startAudition(loop, bar, true);
    CHECK(play(engine, 20).getMagnitude(0, 0, 20 * block) == 0.0f); // the transport is stopped: it waits
    engine.setPosition(0);
    engine.play();
    const auto out = play(engine, 100);
    REQUIRE(firstNonZero(out) == 0); // in with bar 1 of the song
    int mismatches = 0;
    for (int i = 0; i < out.getNumSamples(); ++i)
        mismatches += out.getSample(1, i) != loop->getSample(1, i % 7000);
    CHECK(mismatches == 0);
}
