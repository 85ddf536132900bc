#include "UI/EditorPanelFrame.h"
#include "UI/Theme.h"

namespace loopmind {

EditorPanelFrame::EditorPanelFrame(const juce::String& title)
{
    title_.setText(title, juce::dontSendNotification);
    title_.setFont(juce::Font(14.0f, juce::Font::bold));
    addAndMakeVisible(title_);
    close_.onClick = [this] {
        if (onClosed)
            onClosed();
    };
    addAndMakeVisible(close_);
}

juce::Rectangle<int> EditorPanelFrame::layoutFrame()
{
    auto r = getLocalBounds().reduced(6);
    auto top = r.removeFromTop(26);
    close_.setBounds(top.removeFromRight(64));
    title_.setBounds(top);
    r.removeFromTop(4);
    return r;
}

void EditorPanelFrame::paint(juce::Graphics& g)
{
    g.setColour(theme::panelAlt);
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 4.0f);
    g.setColour(theme::outline);
    g.drawRoundedRectangle(getLocalBounds().toFloat().reduced(0.5f), 4.0f, 1.0f);
}

} // namespace loopmind
