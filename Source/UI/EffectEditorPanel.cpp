#include "UI/EffectEditorPanel.h"
#include "Effects/EffectFactory.h"

namespace loopmind {

EffectEditorPanel::EffectEditorPanel(const juce::String& title, const EffectSlot& slot)
    : EditorPanelFrame(title), effect_(effects::createEffect(slot.type))
{
    jassert(effect_ != nullptr); // the caller offers only the factory's types
    show(slot);
    for (auto* p : effect_->parameterList())
        p->addListener(this);
    editor_ = std::make_unique<juce::GenericAudioProcessorEditor>(*effect_);
    addAndMakeVisible(*editor_);
}

EffectEditorPanel::~EffectEditorPanel()
{
    for (auto* p : effect_->parameterList())
        p->removeListener(this);
    editor_.reset(); // the editor goes before the effect it shows
}

void EffectEditorPanel::show(const EffectSlot& slot)
{
    showing_ = true;
    for (auto* p : effect_->parameterList()) {
        const auto it = slot.parameters.find(p->getParameterID().toStdString());
        p->setValueNotifyingHost(it != slot.parameters.end() ? p->convertTo0to1(float(it->second)) : p->getDefaultValue());
    }
    showing_ = false;
}

void EffectEditorPanel::parameterValueChanged(int index, float normalisedValue)
{
    if (showing_ || !onParameterChanged)
        return;
    // index is the parameter's place among the processor's parameters (as the generic editor knows them).
    auto* p = dynamic_cast<juce::RangedAudioParameter*>(effect_->getParameters()[index]);
    if (p == nullptr)
        return;
    const bool continuing = inGesture_ && !std::exchange(freshGesture_, false);
    onParameterChanged(p->getParameterID().toStdString(), double(p->convertFrom0to1(normalisedValue)), continuing);
}

void EffectEditorPanel::parameterGestureChanged(int, bool starting)
{
    inGesture_ = freshGesture_ = starting;
}

void EffectEditorPanel::resized() { editor_->setBounds(layoutFrame()); }

} // namespace loopmind
