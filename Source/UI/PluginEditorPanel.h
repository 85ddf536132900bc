#pragma once
// A hosted plug-in's editor in a panel beside the mixer: the plug-in's own editor where it has one (and
// `ownEditor` is asked for), else JUCE's generic editor (a slider per parameter). It edits the live instance
// directly, as a DAW does; the owner reads the instance's state back into the song when the panel closes.
#include "UI/EditorPanelFrame.h"
#include <juce_audio_processors/juce_audio_processors.h>

namespace loopmind {

class PluginEditorPanel final : public EditorPanelFrame {
public:
    PluginEditorPanel(const juce::String& title, juce::AudioPluginInstance& instance, bool ownEditor);
    ~PluginEditorPanel() override;

    juce::AudioPluginInstance& instance() const { return instance_; }
    bool showsOwnEditor() const { return ownEditor_; }

    void resized() override;

private:
    juce::AudioPluginInstance& instance_;
    std::unique_ptr<juce::AudioProcessorEditor> editor_;
    bool ownEditor_ = false;
};

} // namespace loopmind
