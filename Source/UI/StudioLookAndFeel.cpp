#include "UI/StudioLookAndFeel.h"
#include "UI/Theme.h"

namespace loopmind {

StudioLookAndFeel::StudioLookAndFeel()
    : juce::LookAndFeel_V4(juce::LookAndFeel_V4::ColourScheme {
        theme::window, theme::panel, theme::panelAlt, theme::outline, theme::text, theme::accent,
        juce::Colours::white, theme::selection, theme::text })
{
    using namespace juce;
    setColour(ResizableWindow::backgroundColourId, theme::window);
    setColour(TextButton::buttonColourId, theme::panelAlt);
    setColour(TextButton::buttonOnColourId, theme::accent);
    setColour(TextButton::textColourOffId, theme::text);
    setColour(ComboBox::backgroundColourId, theme::panelAlt);
    setColour(TextEditor::backgroundColourId, theme::panelAlt);
    setColour(TextEditor::outlineColourId, theme::outline);
    setColour(ListBox::backgroundColourId, theme::panel);
    setColour(TableHeaderComponent::backgroundColourId, theme::panelAlt);
    setColour(TableHeaderComponent::textColourId, theme::text);
    setColour(Label::textColourId, theme::text);
    setColour(ProgressBar::backgroundColourId, theme::panelAlt);
    setColour(ProgressBar::foregroundColourId, theme::accent);
    setColour(PopupMenu::backgroundColourId, theme::panel);
    setColour(PopupMenu::highlightedBackgroundColourId, theme::selection);
    setColour(ScrollBar::thumbColourId, theme::textDim.withAlpha(0.45f)); // present but quieter than the content
}

void StudioLookAndFeel::drawProgressBar(juce::Graphics& g, juce::ProgressBar& bar, int width, int height, double progress,
                                        const juce::String& text)
{
    // Flat bar with the text always readable on top (the V4 default hides it for some states).
    auto r = juce::Rectangle<float>(0, 0, float(width), float(height));
    g.setColour(bar.findColour(juce::ProgressBar::backgroundColourId));
    g.fillRoundedRectangle(r, 3.0f);
    if (progress >= 0.0 && progress <= 1.0) {
        g.setColour(bar.findColour(juce::ProgressBar::foregroundColourId));
        g.fillRoundedRectangle(r.withWidth(float(width * progress)), 3.0f);
    }
    g.setColour(theme::text);
    g.setFont(float(height) * 0.6f);
    g.drawText(text, r, juce::Justification::centred, false);
}

} // namespace loopmind
