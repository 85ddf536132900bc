#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <juce_events/juce_events.h>

int main(int argc, char** argv)
{
    // The main thread is JUCE's message thread, as in the app and the CLI: hosted plug-ins are made on it.
    juce::MessageManager::getInstance();
    const int failed = Catch::Session().run(argc, argv);
    juce::MessageManager::deleteInstance();
    return failed;
}
