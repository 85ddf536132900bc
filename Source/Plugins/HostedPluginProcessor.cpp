#include "Plugins/HostedPluginProcessor.h"

namespace loopmind::plugins {

struct HostedPluginProcessor::Follower : juce::AudioProcessorListener {
    explicit Follower(juce::AudioPluginInstance& to) : target(to) {}
    void audioProcessorParameterChanged(juce::AudioProcessor*, int index, float value) override
    {
        const auto& parameters = target.getParameters();
        if (index >= 0 && index < parameters.size())
            parameters[index]->setValue(value);
    }
    void audioProcessorChanged(juce::AudioProcessor*, const ChangeDetails&) override {}
    juce::AudioPluginInstance& target;
};

HostedPluginProcessor::HostedPluginProcessor(std::unique_ptr<juce::AudioPluginInstance> instance,
                                             std::unique_ptr<juce::AudioPluginInstance> second, Settings settings)
    : PlainProcessor(BusesProperties()
                         .withInput("Input", juce::AudioChannelSet::stereo(), true)
                         .withOutput("Output", juce::AudioChannelSet::stereo(), true)),
      instances_ { std::move(instance), std::move(second) },
      settings_(std::move(settings))
{
    if (instances_[1] != nullptr) {
        follower_ = std::make_unique<Follower>(*instances_[1]);
        instances_[0]->addListener(follower_.get());
    }
    applySettings(); // an editor opened before the first prepare shows them; prepareToPlay applies them again
}

HostedPluginProcessor::~HostedPluginProcessor()
{
    if (follower_ != nullptr)
        instances_[0]->removeListener(follower_.get());
}

bool HostedPluginProcessor::isBusesLayoutSupported(const BusesLayout& layouts) const
{
    return layouts.getMainInputChannelSet() == juce::AudioChannelSet::stereo()
        && layouts.getMainOutputChannelSet() == juce::AudioChannelSet::stereo();
}

void HostedPluginProcessor::applySettings()
{
    for (auto& p : instances_) {
        if (p == nullptr)
            continue;
        if (settings_.state.getSize() > 0)
            p->setStateInformation(settings_.state.getData(), int(settings_.state.getSize()));
        const auto& parameters = p->getParameters();
        for (const auto& [index, value] : settings_.parameters)
            if (index >= 0 && index < parameters.size())
                parameters[index]->setValue(value);
    }
}

void HostedPluginProcessor::prepareToPlay(double sampleRate, int maximumBlockSize)
{
    if (prepared_) { // prepared again (another rate or block size): keep what the plug-in has now
        settings_.state.reset();
        instances_[0]->getStateInformation(settings_.state);
        settings_.parameters.clear();
        const auto& parameters = instances_[0]->getParameters();
        for (int i = 0; i < parameters.size(); ++i)
            settings_.parameters.emplace_back(i, parameters[i]->getValue());
    }
    prepared_ = true;
    for (int k = 0; k < 2; ++k) {
        auto* p = instances_[k].get();
        if (p == nullptr)
            continue;
        p->setRateAndBufferSizeDetails(sampleRate, maximumBlockSize);
        p->prepareToPlay(sampleRate, maximumBlockSize);
        const int channels = std::max({ p->getTotalNumInputChannels(), p->getTotalNumOutputChannels(), 1 });
        scratch_[k].setSize(channels, maximumBlockSize, false, true, false);
    }
    midi_.ensureSize(256);
    applySettings();
    // Blocks of silence until the reported latency holds still (at most 4): an LV2 plug-in reports its latency from
    // run(), some a block after a parameter changed it, and the plan reads it when it compiles. The same in every
    // render and live, so it does not disturb determinism.
    juce::AudioBuffer<float> silence(2, maximumBlockSize);
    juce::MidiBuffer none;
    for (int b = 0, before = -1; b < 4 && (b < 2 || before != instances_[0]->getLatencySamples()); ++b) {
        before = instances_[0]->getLatencySamples();
        silence.clear();
        processBlock(silence, none);
    }
    setLatencySamples(instances_[0]->getLatencySamples());
}

void HostedPluginProcessor::releaseResources()
{
    for (auto& p : instances_)
        if (p != nullptr)
            p->releaseResources();
}

void HostedPluginProcessor::reset()
{
    for (auto& p : instances_)
        if (p != nullptr)
            p->reset();
}

void HostedPluginProcessor::setStateInformation(const void* data, int size)
{
    settings_.state.replaceAll(data, size_t(size));
    settings_.parameters.clear();
    for (auto& p : instances_)
        if (p != nullptr)
            p->setStateInformation(data, size);
}

void HostedPluginProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    const int n = buffer.getNumSamples();
    if (dualMono()) {
        for (int k = 0; k < 2; ++k) {
            auto& s = scratch_[k];
            juce::AudioBuffer<float> view(s.getArrayOfWritePointers(), s.getNumChannels(), n);
            view.clear();
            view.copyFrom(0, 0, buffer, k, 0, n);
            midi_.clear();
            instances_[k]->processBlock(view, midi_);
            buffer.copyFrom(k, 0, view, 0, 0, n);
        }
        return;
    }
    auto& p = *instances_[0];
    auto& s = scratch_[0];
    juce::AudioBuffer<float> view(s.getArrayOfWritePointers(), s.getNumChannels(), n);
    view.clear();
    const int ins = p.getMainBusNumInputChannels(), outs = p.getMainBusNumOutputChannels();
    if (ins == 1) { // the pair's average
        view.copyFrom(0, 0, buffer, 0, 0, n);
        view.addFrom(0, 0, buffer, 1, 0, n);
        view.applyGain(0, 0, n, 0.5f);
    } else {
        for (int c = 0; c < std::min(ins, 2); ++c)
            view.copyFrom(c, 0, buffer, c, 0, n);
    }
    midi_.clear();
    p.processBlock(view, midi_);
    for (int c = 0; c < 2; ++c)
        buffer.copyFrom(c, 0, view, outs >= 2 ? c : 0, 0, n);
}

} // namespace loopmind::plugins
