#pragma once
// An insert slot's hosted plug-in made ready to play: the instance (two for a mono plug-in on a stereo strip),
// its saved state restored, then the slot's parameters (normalised, by the plug-in's parameter IDs) set over it.
#include "Core/MixerSettings.h"
#include "Core/Result.h"
#include "Plugins/HostedPluginProcessor.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace loopmind::plugins {

/** Fails with a sentence naming the plug-in (not installed, failed to load, not an effect). Parameters the plug-in
    does not have go to `problems`. The message thread makes it (see PluginHost). */
Result<std::unique_ptr<HostedPluginProcessor>> makePluginProcessor(const EffectSlot& slot, double sampleRate, int blockSize,
                                                                   std::vector<std::string>& problems);

/** Every parameter's normalised value by ID: saved beside the state, because an LV2 instance's state reads its ports,
    which take a parameter's new value only when the next block runs. */
std::map<std::string, double> parameterValues(juce::AudioPluginInstance& instance);

/** The plug-in's parameter with this ID (JUCE's hosted parameter ID), or null. */
juce::AudioProcessorParameter* findParameter(juce::AudioPluginInstance& instance, const std::string& id);

} // namespace loopmind::plugins
