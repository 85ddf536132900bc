#include "Effects/BuiltInEffect.h"

namespace loopmind::effects {

namespace {
const juce::Identifier stateType { "Effect" }, typeAttribute { "type" }, parameterType { "Parameter" },
    idAttribute { "id" }, valueAttribute { "value" };
}

BuiltInEffect::BuiltInEffect(juce::String typeName, const BusesProperties& buses)
    : PlainProcessor(buses), typeName_(std::move(typeName))
{
}

juce::AudioProcessor::BusesProperties BuiltInEffect::stereoBuses()
{
    return BusesProperties()
        .withInput("Input", juce::AudioChannelSet::stereo(), true)
        .withOutput("Output", juce::AudioChannelSet::stereo(), true);
}

bool BuiltInEffect::isBusesLayoutSupported(const BusesLayout& layouts) const
{
    // Main buses stereo; any further input (the compressor's sidechain) stereo or off.
    if (layouts.getMainInputChannelSet() != juce::AudioChannelSet::stereo()
        || layouts.getMainOutputChannelSet() != juce::AudioChannelSet::stereo())
        return false;
    for (int i = 1; i < layouts.inputBuses.size(); ++i)
        if (!layouts.inputBuses[i].isDisabled() && layouts.inputBuses[i] != juce::AudioChannelSet::stereo())
            return false;
    return true;
}

juce::AudioParameterFloat& BuiltInEffect::addFloat(const juce::String& id, const juce::String& name,
                                                   juce::NormalisableRange<float> range, float defaultValue,
                                                   const juce::String& unit)
{
    auto* p = new juce::AudioParameterFloat(juce::ParameterID { id, 1 }, name, range, defaultValue,
                                            juce::AudioParameterFloatAttributes().withLabel(unit));
    addParameter(p);
    parameters_.push_back(p);
    return *p;
}

juce::AudioParameterChoice& BuiltInEffect::addChoice(const juce::String& id, const juce::String& name,
                                                     const juce::StringArray& choices, int defaultIndex)
{
    auto* p = new juce::AudioParameterChoice(juce::ParameterID { id, 1 }, name, choices, defaultIndex);
    addParameter(p);
    parameters_.push_back(p);
    return *p;
}

juce::AudioParameterBool& BuiltInEffect::addBool(const juce::String& id, const juce::String& name, bool defaultValue)
{
    auto* p = new juce::AudioParameterBool(juce::ParameterID { id, 1 }, name, defaultValue);
    addParameter(p);
    parameters_.push_back(p);
    return *p;
}

juce::RangedAudioParameter* BuiltInEffect::parameter(const juce::String& id) const
{
    for (auto* p : parameters_)
        if (p->getParameterID() == id)
            return p;
    return nullptr;
}

bool BuiltInEffect::setParameter(const juce::String& id, float plainValue)
{
    auto* p = parameter(id);
    if (p == nullptr)
        return false;
    p->setValueNotifyingHost(p->convertTo0to1(plainValue));
    return true;
}

float BuiltInEffect::parameterValue(const juce::String& id) const
{
    auto* p = parameter(id);
    return p == nullptr ? 0.0f : p->convertFrom0to1(p->getValue());
}

juce::ValueTree BuiltInEffect::stateTree() const
{
    juce::ValueTree state(stateType);
    state.setProperty(typeAttribute, typeName_, nullptr);
    for (auto* p : parameters_) {
        juce::ValueTree child(parameterType);
        child.setProperty(idAttribute, p->getParameterID(), nullptr);
        child.setProperty(valueAttribute, p->convertFrom0to1(p->getValue()), nullptr);
        state.appendChild(child, nullptr);
    }
    return state;
}

void BuiltInEffect::restoreState(const juce::ValueTree& state)
{
    if (!state.hasType(stateType))
        return;
    for (const auto& child : state)
        if (child.hasType(parameterType) && child.hasProperty(valueAttribute))
            setParameter(child[idAttribute].toString(), float(double(child[valueAttribute])));
}

void BuiltInEffect::getStateInformation(juce::MemoryBlock& destination)
{
    if (auto xml = stateTree().createXml())
        copyXmlToBinary(*xml, destination);
}

void BuiltInEffect::setStateInformation(const void* data, int sizeInBytes)
{
    if (auto xml = getXmlFromBinary(data, sizeInBytes))
        restoreState(juce::ValueTree::fromXml(*xml));
}

void BuiltInEffect::prepareToPlay(double sampleRate, int maximumBlockSize)
{
    sampleRate_ = sampleRate;
    prepare(sampleRate, maximumBlockSize);
    reset();
}

void BuiltInEffect::reset()
{
    transportPpq_ = 0;
    clearState();
}

void BuiltInEffect::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    juce::ScopedNoDenormals noDenormals; // decaying tails must not fall into slow denormal arithmetic
    BlockTiming timing;
    timing.sampleRate = sampleRate_;
    timing.bpm = tempo_.load(std::memory_order_relaxed);
    timing.ppq = transportPpq_;
    if (auto* head = getPlayHead())
        if (const auto position = head->getPosition()) {
            if (const auto bpm = position->getBpm())
                timing.bpm = juce::jlimit(BlockTiming::minBpm, BlockTiming::maxBpm, *bpm);
            if (const auto ppq = position->getPpqPosition())
                timing.ppq = *ppq;
        }
    transportPpq_ = timing.ppq + buffer.getNumSamples() * timing.quartersPerSample();
    if (buffer.getNumChannels() < 2 || buffer.getNumSamples() == 0)
        return;
    process(buffer, timing);
}

} // namespace loopmind::effects
