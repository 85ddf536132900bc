#include "UI/PluginEditorPanel.h"

namespace loopmind {

PluginEditorPanel::PluginEditorPanel(const juce::String& title, juce::AudioPluginInstance& instance, bool ownEditor)
    : EditorPanelFrame(title), instance_(instance)
{
    if (ownEditor && instance.hasEditor())
        editor_.reset(instance.createEditorIfNeeded());
    ownEditor_ = editor_ != nullptr;
    if (editor_ == nullptr)
        editor_ = std::make_unique<juce::GenericAudioProcessorEditor>(instance);
    addAndMakeVisible(*editor_);
}

PluginEditorPanel::~PluginEditorPanel()
{
    editor_.reset(); // tells the instance its editor is gone
}

void PluginEditorPanel::resized()
{
    const auto area = layoutFrame();
    if (ownEditor_) // a plug-in's own editor keeps its own size: shown from the top left, clipped by the panel
        editor_->setTopLeftPosition(area.getTopLeft());
    else
        editor_->setBounds(area);
}

} // namespace loopmind
