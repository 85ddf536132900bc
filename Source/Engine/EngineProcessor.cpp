#include "Engine/EngineProcessor.h"

namespace loopmind {

EngineProcessor::EngineProcessor(int inputChannels, int outputChannels)
    : PlainProcessor(busesFor(inputChannels, outputChannels))
{
}

juce::AudioProcessor::BusesProperties EngineProcessor::busesFor(int ins, int outs)
{
    BusesProperties buses;
    if (ins > 0)
        buses = buses.withInput("In", juce::AudioChannelSet::canonicalChannelSet(ins), true);
    if (outs > 0)
        buses = buses.withOutput("Out", juce::AudioChannelSet::canonicalChannelSet(outs), true);
    return buses;
}

} // namespace loopmind
