#include "UI/LibraryPanel.h"
#include "UI/Theme.h"

namespace loopmind {

LibraryPanel::LibraryPanel()
{
    title_.setFont(juce::Font(17.0f, juce::Font::bold));
    addAndMakeVisible(title_);
    addFolder_.onClick = [this] { if (onAddFolder) onAddFolder(); };
    addAndMakeVisible(addFolder_);
    search_.setTextToShowWhenEmpty("Search name, role, key...", theme::textDim);
    search_.onTextChange = [this] { table_.setFilter(search_.getText()); };
    search_.onEscapeKey = [this] { search_.clear(); table_.setFilter({}); };
    addAndMakeVisible(search_);
    cancel_.onClick = [this] { if (onCancelScan) onCancelScan(); };
    addChildComponent(progressBar_);
    addChildComponent(cancel_);
    status_.setColour(juce::Label::textColourId, theme::textDim);
    status_.setText("Drop folders or loop files anywhere on the window, or use Add Folder.", juce::dontSendNotification);
    addAndMakeVisible(status_);
    addAndMakeVisible(table_);
}

void LibraryPanel::setScanning(bool scanning)
{
    progressBar_.setVisible(scanning);
    cancel_.setVisible(scanning);
    addFolder_.setEnabled(!scanning);
    resized();
}

void LibraryPanel::setStatus(const juce::String& text) { status_.setText(text, juce::dontSendNotification); }

void LibraryPanel::paint(juce::Graphics& g) { g.fillAll(theme::panel); }

void LibraryPanel::resized()
{
    auto area = getLocalBounds().reduced(6);
    auto top = area.removeFromTop(28);
    title_.setBounds(top.removeFromLeft(80));
    addFolder_.setBounds(top.removeFromLeft(110));
    top.removeFromLeft(8);
    if (progressBar_.isVisible()) {
        cancel_.setBounds(top.removeFromRight(70));
        top.removeFromRight(6);
        progressBar_.setBounds(top.removeFromRight(juce::jmin(260, top.getWidth() / 2)));
        top.removeFromRight(8);
    }
    search_.setBounds(top);
    area.removeFromTop(4);
    status_.setBounds(area.removeFromTop(22));
    table_.setBounds(area);
}

} // namespace loopmind
