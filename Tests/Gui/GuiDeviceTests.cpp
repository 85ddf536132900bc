// The audio device comes, changes rate and goes while the app runs (a pretend device: this machine has none).
// With a device: no banner, playback on. A restart at a new rate: the app prepares the song again at that rate
// and keeps playing from the same place. Unplugged: the banner says so, playback stops and is off, the rest works.
#include "App/StudioCommands.h"
#include "FakeAudioDevice.h"
#include "GuiStudioFixture.h"

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("device appears, restarts at a new rate and is lost, and the app follows", "[gui][device]")
{
    auto studio = makeStudio();
    auto& engine = studio->engine();
    pumpFor(0.1);
    CHECK(studio->showsNoDeviceBanner());
    CHECK_FALSE(studio->transport().isPlaybackAvailable());

    auto type = std::make_unique<FakeAudioDeviceType>();
    auto* fake = type.get();
    engine.deviceManager().addAudioDeviceType(std::move(type)); // the only type: the default the engine opens
    REQUIRE(engine.openDevice("Fake") == "");
    REQUIRE(fake->lastCreated != nullptr);
    REQUIRE(pumpUntil([&] { return !studio->showsNoDeviceBanner(); }, 5));
    CHECK(studio->transport().isPlaybackAvailable());
    CHECK(engine.sampleRate() == 44100.0);

    REQUIRE(studio->generate(3));
    REQUIRE(studio->commandManager().invokeDirectly(commands::playStop, false));
    REQUIRE(pumpUntil([&] { return engine.isPlaying(); }, 60)); // once the song's audio is prepared
    const bool moved = pumpUntil([&] { return engine.position() > 44100 / 2; }, 10); // the device's thread drives the engine
    INFO("blocks " << fake->lastCreated->blocksPlayed() << " callbacks " << engine.callbackCount() << " position " << engine.position() << " playing " << engine.isPlaying());
    REQUIRE(moved);

    // The user picks 48 kHz and a smaller buffer: JUCE stops the device, reopens and restarts it.
    auto setup = engine.deviceManager().getAudioDeviceSetup();
    setup.sampleRate = 48000;
    setup.bufferSize = 256;
    const double secondsBefore = double(engine.position()) / 44100.0;
    REQUIRE(engine.deviceManager().setAudioDeviceSetup(setup, true).isEmpty());
    CHECK(engine.sampleRate() == 48000.0);
    CHECK(double(engine.position()) / 48000.0 >= secondsBefore - 0.01); // the playhead kept its time
    REQUIRE(pumpUntil([&] { return !engine.tracksNeedPreparing(); }, 60)); // the app prepared the song at 48 kHz
    CHECK(engine.isPlaying());
    const auto position = engine.position();
    REQUIRE(pumpUntil([&] { return engine.position() > position + 48000 / 4; }, 10));
    CHECK_FALSE(studio->showsNoDeviceBanner());

    // Unplugged.
    fake->lastCreated->unplug();
    REQUIRE(pumpUntil([&] { return studio->showsNoDeviceBanner(); }, 5));
    CHECK_FALSE(engine.hasDevice());
    CHECK_FALSE(engine.isPlaying());
    CHECK_FALSE(studio->transport().isPlaybackAvailable());
    studio->commandManager().invokeDirectly(commands::playStop, false);
    CHECK_FALSE(engine.isPlaying());
    // Everything but playback still works.
    CHECK(studio->generate(4));
    CHECK(studio->arrangementView().numLanes() > 0);
    studio->libraryPanel().table().selectRow(0);
    REQUIRE(studio->commandManager().invokeDirectly(commands::audition, false));
    CHECK(studio->audition().isActive());
    studio->audition().stop();
}
