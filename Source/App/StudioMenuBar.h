#pragma once
// The menu bar: every item is a command from StudioCommands, so menus, keys and buttons never disagree.
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

class StudioMenuBar final : public juce::MenuBarModel {
public:
    StudioMenuBar(juce::ApplicationCommandManager& commands, std::function<juce::StringArray()> recentProjects,
                  std::function<void(const juce::File&)> openRecent);
    juce::StringArray getMenuBarNames() override { return { "File", "Edit", "Song", "Transport", "View", "Options" }; }
    juce::PopupMenu getMenuForIndex(int index, const juce::String& name) override;
    void menuItemSelected(int itemId, int topLevelMenuIndex) override;

private:
    static constexpr int recentBase = 9000;
    juce::ApplicationCommandManager& commands_;
    std::function<juce::StringArray()> recent_;
    std::function<void(const juce::File&)> openRecent_;
};

} // namespace loopmind
