#pragma once
// Which plug-ins a format has in some folders, and the file or bundle each lives in with its newest modification
// time: the plug-in list's cache key. LV2 plug-ins are URIs, so their bundles are read from lilv (which JUCE's
// LV2 host compiles in); VST3 and LADSPA plug-ins are files already.
#include <cstdint>
#include <juce_audio_processors/juce_audio_processors.h>
#include <string>
#include <vector>

namespace loopmind {

struct PluginFile {
    std::string identifier, path;
    std::int64_t modified = 0; // ns since the epoch: the newest file in the bundle
};

std::vector<PluginFile> listPluginFiles(juce::AudioPluginFormat& format, const juce::String& searchPath);

} // namespace loopmind
