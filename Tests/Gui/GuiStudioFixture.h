#pragma once
// A studio window's content without a window or audio device, with the demo loops scanned.
#include "App/MainComponent.h"
#include "GuiSupport.h"
#include <catch2/catch.hpp>

namespace loopmind::test {

inline std::unique_ptr<MainComponent> makeStudio(bool scanDemo = true)
{
    MainComponent::Options o;
    o.openAudioDevice = false; // this machine has none; the no-device path is the one under test
    o.settingsFolder = juce::File(freshTempFolder("settings").string());
    auto studio = std::make_unique<MainComponent>(o);
    studio->setSize(1400, 900);
    if (scanDemo) {
        studio->addInputs({ demoLoops() });
        REQUIRE(pumpUntil([&] { return !studio->isScanning(); }, 180));
    }
    return studio;
}

/** Waits for the background session to reach the engine (it plays the song's mixer). */
inline void waitForSession(MainComponent& studio)
{
    const auto tracks = studio.document().song().arrangement->tracks.size();
    REQUIRE(pumpUntil([&] { return studio.engine().strip({ StripRef::Kind::track, int(tracks) - 1 }) != nullptr; }, 120));
}

} // namespace loopmind::test
