#pragma once
// The built-in effects by type name, as arrangement.json and the app name them.
#include "Effects/BuiltInEffect.h"
#include <memory>

namespace loopmind::effects {

/** "eq", "compressor", "delay", "reverb", "filter", "saturation", "utility". */
const juce::StringArray& effectTypes();

/** A new effect of that type (not yet prepared), or nullptr for an unknown name. */
std::unique_ptr<BuiltInEffect> createEffect(const juce::String& typeName);

} // namespace loopmind::effects
