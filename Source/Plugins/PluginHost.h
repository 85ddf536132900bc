#pragma once
// The process's plug-in formats (LV2, VST3, LADSPA through JUCE's hosting code) and how instances are made.
// JUCE's LV2 host keeps one lilv world per format object and VST3 wants the message thread, so every instance
// is made here on the message thread (off it, the call waits for the message loop: the app's, or the one the CLI
// runs on its main thread). Never from the audio thread or the workers. A plug-in the scanner blacklisted (it
// crashed or hung in the helper process) is never loaded into this process.
#include "Core/MixerSettings.h"
#include "Core/Result.h"
#include <juce_audio_processors/juce_audio_processors.h>
#include <memory>
#include <string>
#include <vector>

namespace loopmind::plugins {

/** The formats, made on first use (LV2's reads every bundle's description in its default folders, then the
    extra folders). */
juce::AudioPluginFormatManager& formats();

/** Folders searched besides each format's defaults: $LOOPMIND_PLUGIN_PATH (':' between folders) and what
    addPluginFolder added (the app's Options, the CLI's --plugin-path). */
std::vector<std::string> extraPluginFolders();
void addPluginFolder(const std::string& folder);

/** The description JUCE needs to find a plug-in again, from what a song saved. */
juce::PluginDescription describe(const PluginReference& plugin);
/** What a song saves of a plug-in (its state left empty). */
PluginReference identify(const juce::PluginDescription& description);

/** A new instance, or why not ("… is not installed", "… is blacklisted: it crashed …", "… failed to load: reason").
    The blacklist is the scan's (plugins.json in the user's cache folder), read once. */
Result<std::unique_ptr<juce::AudioPluginInstance>> instantiate(const juce::PluginDescription& description, double sampleRate,
                                                               int blockSize);

/** While one exists, threads waiting for the message thread to make an instance give up (the instance fails: "the
    app is closing"): the message thread is about to wait for them, joining a render thread. */
class AbandonPluginWaits {
public:
    AbandonPluginWaits();
    ~AbandonPluginWaits();
    AbandonPluginWaits(const AbandonPluginWaits&) = delete;
    AbandonPluginWaits& operator=(const AbandonPluginWaits&) = delete;
};

/** The instance's state, base64 (what PluginReference::state holds). */
std::string stateOf(juce::AudioPluginInstance& instance);

} // namespace loopmind::plugins
