// loopmind_bench <name>: one benchmark per name. Each prints figures against a baseline measured in the
// same run, asserts nothing, and ends with one JSON line.
#include "BenchSupport.h"
#include "Core/AllocatorSettings.h"
#include <cstring>
#include <iostream>
#include <juce_events/juce_events.h>

int main(int argc, char** argv)
{
    loopmind::configureAllocatorForLongSessions(); // as the app and the CLI: the soak measures what they do
    struct Bench {
        const char* name;
        int (*run)(int, char**);
    };
    static constexpr Bench benches[] = {
        { "render", runRenderBench }, { "engine", runEngineBench }, { "master", runMasterBench },
        { "analyse", runAnalyseBench }, { "arrange", runArrangeBench }, { "jack", runJackBench }, { "soak", runSoakBench },
    };
    juce::MessageManager::getInstance(); // the main thread is the message thread: hosted plug-ins are made on it
    if (argc >= 2)
        for (const auto& b : benches)
            if (std::strcmp(argv[1], b.name) == 0)
                return b.run(argc, argv);
    std::cerr << "usage: loopmind_bench render|engine|master|analyse|arrange|jack|soak\n";
    return 2;
}
