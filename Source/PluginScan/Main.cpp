// loopmind-plugin-scan: the plug-in scanner's helper process. Plug-in code runs here, never in the app or the CLI:
// a plug-in that crashes or hangs while it is loaded takes only this process down, and the client
// (Plugins/PluginScanner) blacklists it and goes on. One JSON object per line on stdout:
//   list FORMAT PATHS            {"candidate":{format, identifier, path, modified}} ..., {"problem": text}
//   describe FORMAT PATHS ID...  per ID: {"scanning":ID}, then {"plugin":{...}} per type, {"refused":ID,"reason":...}
//                                per type that fails to load, or {"foreign":ID} for no plug-in of this format; {"scanned":ID}
// PATHS is a FileSearchPath (folders separated by ';'). Each plug-in is instantiated, prepared and given one block
// of silence, so one that crashes when used, not only when described, is caught here too.
#include "PluginScan/PluginFiles.h"
#include "Plugins/PluginHost.h"
#include <iostream>
#include <nlohmann/json.hpp>

using nlohmann::json;
using namespace loopmind;

namespace {

void say(const json& j) { std::cout << j.dump() << std::endl; } // flushed: the client times the silence between lines

juce::AudioPluginFormat* formatNamed(const juce::String& name)
{
    for (auto* f : plugins::formats().getFormats())
        if (f->getName() == name)
            return f;
    return nullptr;
}

/** Loads the plug-in, prepares it and runs one block of silence: a plug-in that fails here is refused. */
std::string tryOut(const juce::PluginDescription& d, int& inputs, int& outputs)
{
    auto made = plugins::instantiate(d, 48000.0, 512);
    if (!made)
        return made.error();
    auto& p = *made.value();
    inputs = p.getMainBusNumInputChannels();
    outputs = p.getMainBusNumOutputChannels();
    p.prepareToPlay(48000.0, 512);
    juce::AudioBuffer<float> block(std::max({ p.getTotalNumInputChannels(), p.getTotalNumOutputChannels(), 1 }), 512);
    block.clear();
    juce::MidiBuffer midi;
    p.processBlock(block, midi);
    juce::MemoryBlock state;
    p.getStateInformation(state);
    p.releaseResources();
    return {};
}

int describe(juce::AudioPluginFormat& format, const juce::String& paths, int first, int argc, char** argv)
{
    if (paths.isNotEmpty())
        format.searchPathsForPlugins(juce::FileSearchPath(paths), true, false); // LV2: loads the extra bundles
    for (int i = first; i < argc; ++i) {
        const juce::String id = juce::CharPointer_UTF8(argv[i]);
        say({ { "scanning", id.toStdString() } });
        juce::OwnedArray<juce::PluginDescription> types;
        format.findAllTypesForFile(types, id);
        if (types.isEmpty())
            say({ { "foreign", id.toStdString() } });
        for (auto* d : types) {
            int inputs = 0, outputs = 0;
            const auto problem = tryOut(*d, inputs, outputs);
            if (!problem.empty()) {
                say({ { "refused", id.toStdString() }, { "reason", problem } });
                continue;
            }
            say({ { "plugin",
                    { { "identifier", d->fileOrIdentifier.toStdString() }, { "name", d->name.toStdString() },
                      { "vendor", d->manufacturerName.toStdString() }, { "version", d->version.toStdString() },
                      { "uniqueId", d->uniqueId }, { "category", d->category.toStdString() }, { "inputs", inputs },
                      { "outputs", outputs }, { "instrument", d->isInstrument } } } });
        }
        say({ { "scanned", id.toStdString() } });
    }
    return 0;
}

int list(juce::AudioPluginFormat& format, const juce::String& paths)
{
    for (const auto& c : listPluginFiles(format, paths))
        say({ { "candidate", { { "identifier", c.identifier }, { "path", c.path }, { "modified", c.modified } } } });
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::cerr << "usage: loopmind-plugin-scan list FORMAT PATHS | describe FORMAT PATHS ID...\n";
        return 2;
    }
    juce::ScopedJuceInitialiser_GUI juce; // this thread is the message thread: instances are made on it
    const std::string mode = argv[1];
    auto* format = formatNamed(argv[2]);
    if (format == nullptr) {
        std::cerr << "loopmind-plugin-scan: this build cannot host " << argv[2] << " plug-ins\n";
        return 2;
    }
    const juce::String paths = juce::CharPointer_UTF8(argv[3]);
    if (mode == "list")
        return list(*format, paths);
    if (mode == "describe")
        return describe(*format, paths, 4, argc, argv);
    std::cerr << "loopmind-plugin-scan: unknown mode " << mode << "\n";
    return 2;
}
