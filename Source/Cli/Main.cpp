// loopmind: the command line face of the core library. Parsing and printing only; the work is in loopmind_core.
#include "Cli/CliSupport.h"
#include "Core/AllocatorSettings.h"
#include <cstring>
#include <juce_events/juce_events.h>
#include <iostream>

namespace {
const char* const usage = R"(usage: loopmind <command> ...
  analyse PATH... [--json] [--jobs N] [--no-cache]
  arrange PATH... --out arrangement.json [--seed N] [--bpm X] [--bars N] [--style NAME] [--energy E1,E2,...]
          [--explain] [--scorer WEIGHTS.json] [--sample-rate HZ] [--jobs N] [--no-cache]
  arrange --check FILE [--no-render]            check a song (grid, energy arc, roles, keys, variation, loudness)
  arrange --remix FILE --distance D [--seed N] [PATH...] --out NEW.json   a remix at distance D in [0, 1]
  render (PATH... | --arrangement FILE) --out MIX [--stems DIR] [--seed N] [--bpm X] [--bars N] [--style NAME] [--energy E1,...]
         [--scorer WEIGHTS.json] [--format wav|flac|aiff|mp3|ogg] [--bit-depth 16|24|32f] [--bitrate K] [--sample-rate HZ] [--jobs N] [--no-cache] [MASTERING]
         [--plugin-path DIR:DIR...]   hosted plug-ins outside the default folders (also $LOOPMIND_PLUGIN_PATH)
  mix FILE... --out MIX [--format wav|flac|aiff|mp3|ogg] [--bit-depth 16|24|32f] [--bitrate K] [--sample-rate HZ] [MASTERING]
  mp3: constant bit rate (--bitrate 32..320, default 320) with a LAME tag: players trim it gaplessly; ogg: Vorbis at
  that average bit rate
  plugins [--json] [--rescan] [--path DIR:DIR...] [--no-default-paths] [--timeout S]
          LV2, VST3 and LADSPA plug-ins found (each tried out in the helper loopmind-plugin-scan) and blacklisted
mastering (on by default, streaming): [--preset streaming|broadcast|apple|club | --deliver T1,T2,...]
  [--lufs T] [--true-peak C] [--master-intensity 0..1] [--no-master]
  presets: streaming -14 LUFS/-1 dBTP, broadcast -23/-1, apple -16/-1, club -9/-0.3; several targets write
  MIX's name + ".<target>" (mix.streaming.wav, ...); render-report.json goes beside the mix
styles: house, techno, hip-hop, trap, pop, drum-and-bass (Resources/Styles/*.json, or $LOOPMIND_STYLES_DIR); default:
  the style whose tempo range holds the project tempo, else house. --energy: target energy 0..1 per section
analysis results are cached (SQLite) under $LOOPMIND_CACHE_DIR or ~/.cache/loopmind; --no-cache bypasses it
exit codes: 0 success, 1 some inputs failed (all reported), 2 usage error or the job could not run
)";
}

int main(int argc, char** argv)
{
    loopmind::configureAllocatorForLongSessions();
    using namespace loopmind::cli;
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << usage;
        return argc < 2 ? usageOrFatal : success;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << "loopmind " << LOOPMIND_VERSION << "\n";
        return success;
    }
    installInterruptHandler();
    juce::MessageManager::getInstance(); // the main thread is the message thread: hosted plug-ins are made on it
    const std::string command = argv[1];
    try {
        if (command == "analyse" || command == "analyze") return runAnalyse(argc, argv);
        if (command == "arrange") return runArrange(argc, argv);
        if (command == "render") return runRender(argc, argv);
        if (command == "mix") return runMix(argc, argv);
        if (command == "plugins") return runPlugins(argc, argv);
        std::cerr << "loopmind: unknown command '" << command << "'\n" << usage;
    } catch (const UsageError& e) {
        std::cerr << "loopmind " << command << ": " << e.message << "\n" << usage;
    }
    return usageOrFatal;
}
