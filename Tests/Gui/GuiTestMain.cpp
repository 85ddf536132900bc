// The GUI tests run on the message thread with JUCE's GUI initialised and the studio's LookAndFeel.
#define CATCH_CONFIG_RUNNER
#include "UI/StudioLookAndFeel.h"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>

int main(int argc, char* argv[])
{
    if (std::getenv("DISPLAY") == nullptr) {
        std::cerr << "loopmind_gui_tests needs a display: run it under xvfb-run -a\n";
        return 2;
    }
    // The analysis cache and the plug-in list go to a folder of this run's, never the user's.
    const auto cache = juce::File::getSpecialLocation(juce::File::tempDirectory).getNonexistentChildFile("loopmind-gui-cache", "");
    cache.createDirectory();
    ::setenv("LOOPMIND_CACHE_DIR", cache.getFullPathName().toRawUTF8(), 1);
    juce::ScopedJuceInitialiser_GUI gui;
    loopmind::StudioLookAndFeel lookAndFeel;
    juce::LookAndFeel::setDefaultLookAndFeel(&lookAndFeel);
    const int result = Catch::Session().run(argc, argv);
    juce::LookAndFeel::setDefaultLookAndFeel(nullptr);
    cache.deleteRecursively();
    return result;
}
