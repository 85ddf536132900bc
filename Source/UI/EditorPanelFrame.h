#pragma once
// What every editor panel beside the mixer has: a title, a Close button and the panel's background. Subclasses
// place their editor in contentArea().
#include <functional>
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

class EditorPanelFrame : public juce::Component {
public:
    std::function<void()> onClosed; // the owner deletes the panel

    void paint(juce::Graphics&) override;

protected:
    explicit EditorPanelFrame(const juce::String& title);
    /** Lays out the title and Close; returns the rest. */
    juce::Rectangle<int> layoutFrame();

private:
    juce::Label title_;
    juce::TextButton close_ { "Close" };
};

} // namespace loopmind
