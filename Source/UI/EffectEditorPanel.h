#pragma once
// A built-in effect's editor (JUCE's generic editor: a slider per named parameter) in a panel beside the mixer,
// inside the main window. It edits a private instance of the effect, set from the insert slot; each change is
// reported as the parameter's plain value, so the owner edits the song (undoably) and the engine follows. A slider
// drag is one gesture.
#include "Core/MixerSettings.h"
#include "Effects/BuiltInEffect.h"
#include "UI/EditorPanelFrame.h"
#include <juce_audio_processors/juce_audio_processors.h>
#include <functional>

namespace loopmind {

class EffectEditorPanel final : public EditorPanelFrame, private juce::AudioProcessorParameter::Listener {
public:
    EffectEditorPanel(const juce::String& title, const EffectSlot& slot);
    ~EffectEditorPanel() override;

    /** Shows the slot's values (after an undo) without reporting them. */
    void show(const EffectSlot& slot);
    const juce::String& typeName() const { return effect_->typeName(); }
    /** The instance the editor shows (tests move its parameters as the editor's sliders would). */
    effects::BuiltInEffect& effect() { return *effect_; }

    std::function<void(const std::string& id, double plainValue, bool continuing)> onParameterChanged;

    void resized() override;

private:
    void parameterValueChanged(int index, float normalisedValue) override;
    void parameterGestureChanged(int index, bool starting) override;

    std::unique_ptr<effects::BuiltInEffect> effect_;
    std::unique_ptr<juce::GenericAudioProcessorEditor> editor_;
    bool showing_ = false, inGesture_ = false, freshGesture_ = false;
};

} // namespace loopmind
