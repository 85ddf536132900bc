#include "Plugins/PluginSlot.h"
#include "Plugins/PluginHost.h"

namespace loopmind::plugins {

juce::AudioProcessorParameter* findParameter(juce::AudioPluginInstance& instance, const std::string& id)
{
    for (auto* p : instance.getParameters())
        if (auto* hosted = dynamic_cast<juce::HostedAudioProcessorParameter*>(p); hosted != nullptr && hosted->getParameterID().toStdString() == id)
            return p;
    return nullptr;
}

std::map<std::string, double> parameterValues(juce::AudioPluginInstance& instance)
{
    std::map<std::string, double> values;
    for (auto* p : instance.getParameters())
        if (auto* hosted = dynamic_cast<juce::HostedAudioProcessorParameter*>(p); hosted != nullptr && hosted->getParameterID().isNotEmpty())
            values[hosted->getParameterID().toStdString()] = double(p->getValue());
    return values;
}

Result<std::unique_ptr<HostedPluginProcessor>> makePluginProcessor(const EffectSlot& slot, double sampleRate, int blockSize,
                                                                   std::vector<std::string>& problems)
{
    using Made = Result<std::unique_ptr<HostedPluginProcessor>>;
    if (!slot.plugin)
        return Made::failure("a plug-in slot without a plug-in");
    const auto& ref = *slot.plugin;
    const auto description = describe(ref);
    auto first = instantiate(description, sampleRate, blockSize);
    if (!first)
        return Made::failure(first.error());
    auto& instance = *first.value();
    const int ins = instance.getMainBusNumInputChannels(), outs = instance.getMainBusNumOutputChannels();
    if (ins < 1 || outs < 1)
        return Made::failure("plug-in '" + ref.name + "' is not an effect (" + std::to_string(ins) + " inputs, " + std::to_string(outs)
                             + " outputs)");
    std::unique_ptr<juce::AudioPluginInstance> second;
    if (outs == 1) { // mono (any further inputs are a sidechain): one instance per side
        auto right = instantiate(description, sampleRate, blockSize);
        if (!right)
            return Made::failure(right.error());
        second = std::move(right.value());
    }
    HostedPluginProcessor::Settings settings;
    if (!ref.state.empty() && !settings.state.fromBase64Encoding(ref.state))
        return Made::failure("plug-in '" + ref.name + "': its saved state is not base64");
    const auto& parameters = instance.getParameters();
    for (const auto& [id, value] : slot.parameters) {
        auto* parameter = findParameter(instance, id);
        if (parameter == nullptr)
            problems.push_back("plug-in '" + ref.name + "' has no parameter '" + id + "'");
        else
            settings.parameters.emplace_back(parameters.indexOf(parameter), float(std::clamp(value, 0.0, 1.0)));
    }
    return Made::success(std::make_unique<HostedPluginProcessor>(std::move(first.value()), std::move(second), std::move(settings)));
}

} // namespace loopmind::plugins
