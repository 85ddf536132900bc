// While a 32-track song with a full mixer plays for 10,000 blocks, with an offline render running on another
// thread and the message thread swapping sessions and moving faders, pans, sends and every effect parameter, the
// audio thread and the workers allocate nothing and take no lock.
#include "Core/RealtimeThread.h"
#include "Effects/EffectFactory.h"
#include "Engine/AudioEngine.h"
#include "Render/AIAsyncRenderer.h"
#include "Support/EngineFixtures.h"
#include "Support/RealtimeChecks.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <functional>
#include <mutex>
#include <thread>

using namespace loopmind;
using namespace loopmind::test;

namespace {
/** Plays `blocks` blocks on a thread of its own (the audio thread) while `messageThread(blocksDone)` runs here
    over and over; returns what the real-time checks counted on the audio side. */
RealtimeViolations playWhile(AudioEngine& engine, int blocks, int block, const std::function<void(int blocksDone)>& messageThread)
{
    resetRealtimeViolations();
    std::atomic<int> blocksDone { 0 };
    std::thread audio([&] {
        juce::AudioBuffer<float> out(2, block);
        for (int b = 0; b < blocks; ++b) {
            engine.processBlock(out.getArrayOfWritePointers(), 2, block);
            blocksDone.store(b + 1);
        }
    });
    while (blocksDone.load() < blocks)
        messageThread(blocksDone.load());
    audio.join();
    return realtimeViolations();
}

void checkNoViolations(const RealtimeViolations& v)
{
    if (!realtimeChecksAvailable()) {
        WARN("allocation and lock counting is off in sanitizer builds (the sanitizer owns the allocator)");
        return;
    }
    CHECK(v.allocations == 0);
    CHECK(v.locks == 0);
}
} // namespace

TEST_CASE("the audio thread and workers never allocate or lock", "[engine][realtime]")
{
    constexpr double rate = 48000;
    constexpr int block = 256, blocks = 10000;
    const double songSeconds = blocks * block / rate + 1.0;
    auto tracks = makeEngineTracks(32, rate, 1.7, songSeconds);
    // A full mixer: every built-in effect on some track, sends to a reverb and a delay return, a group, master inserts.
    MixerLayout layout;
    layout.mixer.returns = { { "reverb", {}, {} }, { "delay", {}, {} } };
    layout.mixer.returns[0].strip.inserts = { { "reverb", { { "mix", 100 } }, false, {}, {} } };
    layout.mixer.returns[1].strip.inserts = { { "delay", { { "mix", 100 } }, false, {}, {} } };
    layout.mixer.groups = { { "drums", {}, {} } };
    layout.mixer.groups[0].strip.inserts = { { "compressor", {}, false, {}, {} } };
    layout.mixer.master.inserts = { { "eq", {}, false, {}, {} }, { "utility", {}, false, {}, {} } };
    const auto& types = effects::effectTypes();
    for (size_t t = 0; t < tracks.size(); ++t) {
        auto& strip = tracks[t].strip;
        strip.inserts = { { types[int(t) % types.size()].toStdString(), {}, false, {}, {} }, { "eq", { { "hp_on", 1 } }, false, {}, {} } };
        strip.sends = { { int(t % 2), -12.0, t % 3 == 0 } };
        strip.output = t < 4 ? "drums" : "";
    }
    tracks[5].strip.inserts[0] = { "compressor", {}, false, "track 1", {} };

    AudioEngine engine(ParallelPlanRunner::defaultWorkerCount() > 0 ? ParallelPlanRunner::defaultWorkerCount() : 1);
    engine.prepare(rate, block);
    REQUIRE(engine.load(tracks, std::int64_t(songSeconds * rate), rate, layout).ok());
    REQUIRE(engine.mixerProblems().empty());
    engine.setLoop(0, std::int64_t(3.3 * rate), true); // loop jumps happen too
    engine.play();

    TempFolder dir;
    RenderJob offline;
    offline.sampleRate = rate;
    offline.lengthInSamples = std::int64_t(30 * rate);
    offline.tracks = makeEngineTracks(8, rate, 1.0, 30);
    offline.workers = 1;
    offline.output.mixPath = dir / "offline.wav";
    AIAsyncRenderer renderer;
    renderer.start(offline);

    // The message thread meanwhile: hot swaps, faders, solo, and freeing retired sessions.
    int swaps = 0;
    const auto violations = playWhile(engine, blocks, block, [&](int blocksDone) {
        if (blocksDone / 1000 > swaps) {
            REQUIRE(engine.load(tracks, std::int64_t(songSeconds * rate), rate, layout).ok());
            ++swaps;
        }
        // Fader, pan, send level and every effect parameter of the strip move live (no rebuild: same topology).
        const StripRef ref { StripRef::Kind::track, blocksDone % 32 };
        auto strip = *engine.strip(ref);
        strip.volumeDb = -10.0 - blocksDone % 13;
        strip.pan = (blocksDone % 9 - 4) / 4.0;
        strip.sends[0].levelDb = -6.0 - blocksDone % 20;
        if (auto fx = effects::createEffect(strip.inserts[0].type))
            for (auto* p : fx->parameterList())
                strip.inserts[0].parameters[p->getParameterID().toStdString()] =
                    p->getNormalisableRange().convertFrom0to1(float(blocksDone % 11) / 10.0f);
        REQUIRE(engine.setStrip(ref, strip).ok());
        engine.setTrackSolo(3, swaps % 2 == 1);
        engine.releaseRetiredSessions();
        engine.masterMeter().takePeak();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    });
    renderer.waitForResult();
    engine.releaseRetiredSessions();

    CHECK(swaps >= 9);
    CHECK(engine.callbackCount() == blocks);
    checkNoViolations(violations);
}

TEST_CASE("the real-time checks do catch allocation and locking", "[engine][realtime]")
{
    if (!realtimeChecksAvailable())
        return;
    resetRealtimeViolations();
    std::thread([] {
        RealtimeScope realtime;
        auto* p = new std::vector<int>(100);
        delete p;
        std::mutex m;
        std::lock_guard<std::mutex> lock(m);
    }).join();
    const auto v = realtimeViolations();
    CHECK(v.allocations >= 2);
    CHECK(v.locks >= 1);
}

TEST_CASE("auditioning loops while the song plays neither allocates nor locks on the audio thread", "[engine][realtime][audition]")
{
    constexpr double rate = 48000;
    constexpr int block = 256, blocks = 4000;
    const double songSeconds = blocks * block / rate + 1.0;
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load(makeEngineTracks(8, rate, 1.5, songSeconds), std::int64_t(songSeconds * rate)).ok());
    engine.play();
    // Buffers are prepared on the message thread, as the app's audition loader does off the audio thread.
    std::vector<std::shared_ptr<const juce::AudioBuffer<float>>> loops;
    for (int i = 0; i < 3; ++i) {
        auto b = std::make_shared<juce::AudioBuffer<float>>(2, 20000 + 3000 * i);
        for (int c = 0; c < 2; ++c)
            for (int s = 0; s < b->getNumSamples(); ++s)
                b->setSample(c, s, 0.1f * float(((s * (i + 3) + c) % 97) - 48) / 48.0f);
        loops.push_back(std::move(b));
    }

    // Start, switch (mid-fade too) and stop auditions, line them up with the transport, free what was let go of.
    int requests = 0;
    const auto violations = playWhile(engine, blocks, block, [&](int) {
        if (requests % 4 == 3)
            engine.stopAudition();
        else
            engine.startAudition(loops[size_t(requests % 3)], 96000.0, requests % 5 == 0);
        ++requests;
        engine.releaseRetiredSessions();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    engine.releaseRetiredSessions();

    CHECK(requests >= 50);
    checkNoViolations(violations);
}
