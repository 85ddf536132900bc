// Stem freeze: a track rendered with its inserts plays in their place. The live swap changes nothing audible and
// restarts nothing else; offline, a frozen track renders the same mix; freeze files are found again by fingerprint.
#include "Arrangement/ArrangementFile.h"
#include "Core/RealtimeThread.h"
#include "Engine/AudioEngine.h"
#include "Render/StemFreezer.h"
#include "Support/EngineFixtures.h"
#include "Support/OfflineRender.h"
#include "Support/RealtimeChecks.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
constexpr double rate = 48000;
constexpr double seconds = 4.0;
constexpr std::int64_t length = std::int64_t(seconds * rate);

EffectSlot effect(const std::string& type, std::map<std::string, double> parameters = {})
{
    EffectSlot slot;
    slot.type = type;
    slot.parameters = std::move(parameters);
    return slot;
}

/** Four tracks with stateful inserts (a delay's echoes, a reverb, a compressor keyed from track 1) and a reverb
    return that the frozen track sends to: whatever restarted would be heard. */
RenderJob freezeSong()
{
    RenderJob job;
    job.sampleRate = rate;
    job.lengthInSamples = length;
    job.tracks = makeEngineTracks(4, rate, 0.7, seconds);
    job.mixer.bpm = 97;
    MixerBus reverb;
    reverb.name = "reverb";
    reverb.strip.inserts = { effect("reverb", { { "mix", 100 } }) };
    job.mixer.mixer.returns = { reverb };
    auto& frozen = job.tracks[2];
    frozen.strip.inserts = { effect("delay", { { "mix", 50 }, { "feedback", 60 } }), effect("reverb", { { "mix", 30 } }), effect("compressor") };
    frozen.strip.inserts[2].sidechainTrack = "track 1";
    frozen.strip.sends = { { 0, -6.0, false } };
    frozen.strip.pan = -0.4;
    frozen.gainDb = -2.0;
    job.tracks[3].strip.sends = { { 0, -3.0, true } };
    return job;
}

/** Plays the whole song through the engine in device-sized blocks; `atBlock` runs before that block. */
template <typename Before>
juce::AudioBuffer<float> playLive(const RenderJob& job, int block, Before atBlock)
{
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load(job.tracks, job.lengthInSamples, rate, job.mixer).ok());
    engine.play();
    juce::AudioBuffer<float> out(2, int(job.lengthInSamples));
    out.clear();
    for (int b = 0; (b + 1) * block <= out.getNumSamples(); ++b) {
        atBlock(engine, b);
        float* channels[2] = { out.getWritePointer(0, b * block), out.getWritePointer(1, b * block) };
        engine.processBlock(channels, 2, block);
    }
    engine.releaseRetiredSessions();
    return out;
}
} // namespace

TEST_CASE("a freeze swaps in live without a glitch and restarts nothing else", "[freeze][engine]")
{
    const auto job = freezeSong();
    JobControl control;
    auto frozen = renderFrozenTrack(job, 2, control);
    REQUIRE(frozen.ok());
    REQUIRE(frozen.value()->getNumSamples() == length);
    CHECK(rms(*frozen.value()) > 0.01f);

    constexpr int block = 256; // a device's block, not the freeze's
    const auto reference = playLive(job, block, [](AudioEngine&, int) {});
    const int swapBlock = 300; // 1.6 s in: the delay's echoes and both reverbs are ringing
    const bool counting = realtimeChecksAvailable();
    const auto swapped = playLive(job, block, [&](AudioEngine& engine, int b) {
        if (b == swapBlock) {
            REQUIRE(engine.swapInFrozenTrack(2, frozen.value()).ok());
            CHECK(engine.isTrackFrozen(2));
            resetRealtimeViolations();
        }
    });
    if (counting) {
        CHECK(realtimeViolations().allocations == 0);
        CHECK(realtimeViolations().locks == 0);
    }
    // The same song across the swap, to well within 16-bit dither (2^-16).
    CHECK(largestDifference(reference, swapped) < 1.0f / 65536.0f);
    CHECK(sameSamples(reference, swapped)); // and here, where every effect is ours, bit-identical

    // And it is the frozen audio that plays: a silent "freeze" silences the track from that block on.
    auto silence = std::make_shared<juce::AudioBuffer<float>>(2, int(length));
    silence->clear();
    juce::AudioBuffer<float> muted;
    float trackPeakAfter = -1;
    playLive(job, block, [&](AudioEngine& engine, int b) {
        if (b == swapBlock)
            REQUIRE(engine.swapInFrozenTrack(2, silence).ok());
        if (b == swapBlock + 10)
            engine.takeTrackPeak(2);
        if (b == swapBlock + 20)
            trackPeakAfter = engine.takeTrackPeak(2);
    });
    CHECK(trackPeakAfter == 0.0f);
}

TEST_CASE("a frozen track renders the same mix offline, and a session built frozen plays it too", "[freeze][render]")
{
    TempFolder dir;
    const auto job = freezeSong();
    const auto live = renderOffline(dir, job.tracks, job.mixer, seconds, 0, "live");
    auto frozenJob = job;
    Arrangement song;
    song.tracks.resize(1);
    song.tracks[0].name = job.tracks[2].name;
    song.tracks[0].frozen = true;
    JobControl control;
    CHECK(applyFreezes(frozenJob, song, { dir / "Frozen" }, control).empty());
    REQUIRE(frozenJob.tracks[2].frozen);
    CHECK(frozenJob.tracks[2].segments.empty());
    const auto frozen = renderOffline(dir, frozenJob.tracks, frozenJob.mixer, seconds, 0, "frozen");
    CHECK(frozen.report.warnings.empty());
    CHECK(largestDifference(live.mix, frozen.mix) < 1e-6f);
    CHECK(largestDifference(live.stems[2], frozen.stems[2]) < 1e-6f);
}

TEST_CASE("freeze files are found again by fingerprint, and an edited track is frozen anew", "[freeze][render]")
{
    TempFolder dir;
    const auto folder = dir / "Frozen";
    const auto job = freezeSong();
    Arrangement song;
    song.tracks.resize(1);
    song.tracks[0].name = job.tracks[2].name;
    song.tracks[0].frozen = true;
    JobControl control;
    auto first = job;
    REQUIRE(applyFreezes(first, song, { folder }, control).empty());
    const auto file = freezeFilePath(folder, job, 2);
    REQUIRE(std::filesystem::exists(file));
    CHECK(std::distance(std::filesystem::directory_iterator(folder), {}) == 1); // no temporary file left

    // A cancelled control renders nothing: what still freezes came from the file.
    JobControl cancelled;
    cancelled.requestCancel();
    auto again = job;
    CHECK(applyFreezes(again, song, { folder }, cancelled).empty());
    CHECK(again.tracks[2].frozen);
    CHECK(sameSamples(*again.tracks[2].audio, *first.tracks[2].audio));

    // Any change to what the track sounds like (its trim, an insert's parameter, its sidechain source) is a new freeze.
    auto edited = job;
    edited.tracks[2].strip.inserts[0].parameters["feedback"] = 30;
    CHECK(freezeFingerprint(edited, 2) != freezeFingerprint(job, 2));
    auto keyed = job;
    keyed.tracks[0].gainDb = -1; // "track 1", the compressor's key
    CHECK(freezeFingerprint(keyed, 2) != freezeFingerprint(job, 2));
    auto unrelated = job;
    unrelated.tracks[1].gainDb = -1; // not heard by track 3's freeze
    CHECK(freezeFingerprint(unrelated, 2) == freezeFingerprint(job, 2));
    const auto problems = applyFreezes(edited, song, { folder }, cancelled);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("plays unfrozen") && Catch::Contains("cancelled"));
    CHECK_FALSE(edited.tracks[2].frozen);

    // A file that is not a freeze of this song is not used.
    CHECK_FALSE(readFreezeFile(file, 44100, length).ok());
    CHECK_FALSE(readFreezeFile(file, rate, length - 1).ok());
}

TEST_CASE("arrangement.json keeps a track's frozen flag, and writes nothing for unfrozen tracks", "[freeze][arrangement]")
{
    TempFolder dir;
    Arrangement a;
    a.sections = { { "main", 0, 4, 0.5, 0, {} } };
    for (int i = 0; i < 2; ++i) {
        ArrangementTrack t;
        t.name = "track " + std::to_string(i + 1);
        t.role = "drums";
        t.loopPath = dir / "loop.wav";
        t.loopBpm = 120;
        t.loopBeats = 4;
        t.clips = { { 0, 4, {} } };
        a.tracks.push_back(t);
    }
    a.tracks[1].frozen = true;
    const auto path = dir / "arrangement.json";
    REQUIRE(writeArrangementFile(a, path).ok());
    const auto text = arrangementToText(a);
    CHECK(text.find("\"frozen\": true") != std::string::npos);
    CHECK(text.find("\"frozen\": false") == std::string::npos);
    auto read = readArrangementFile(path);
    REQUIRE(read.ok());
    CHECK_FALSE(read.value().tracks[0].frozen);
    CHECK(read.value().tracks[1].frozen);
}
