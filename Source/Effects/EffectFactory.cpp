#include "Effects/EffectFactory.h"
#include "Effects/Compressor.h"
#include "Effects/Delay.h"
#include "Effects/Equaliser.h"
#include "Effects/Filter.h"
#include "Effects/Reverb.h"
#include "Effects/Saturation.h"
#include "Effects/Utility.h"

namespace loopmind::effects {

const juce::StringArray& effectTypes()
{
    static const juce::StringArray types { "eq", "compressor", "delay", "reverb", "filter", "saturation", "utility" };
    return types;
}

std::unique_ptr<BuiltInEffect> createEffect(const juce::String& typeName)
{
    if (typeName == "eq") return std::make_unique<Equaliser>();
    if (typeName == "compressor") return std::make_unique<Compressor>();
    if (typeName == "delay") return std::make_unique<Delay>();
    if (typeName == "reverb") return std::make_unique<Reverb>();
    if (typeName == "filter") return std::make_unique<Filter>();
    if (typeName == "saturation") return std::make_unique<Saturation>();
    if (typeName == "utility") return std::make_unique<Utility>();
    return nullptr;
}

} // namespace loopmind::effects
