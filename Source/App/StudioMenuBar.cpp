#include "App/StudioMenuBar.h"
#include "App/StudioCommands.h"

namespace loopmind {

StudioMenuBar::StudioMenuBar(juce::ApplicationCommandManager& commands, std::function<juce::StringArray()> recentProjects,
                             std::function<void(const juce::File&)> openRecent)
    : commands_(commands), recent_(std::move(recentProjects)), openRecent_(std::move(openRecent))
{
    setApplicationCommandManagerToWatch(&commands_);
}

juce::PopupMenu StudioMenuBar::getMenuForIndex(int index, const juce::String&)
{
    using namespace commands;
    juce::PopupMenu m;
    auto add = [&](juce::CommandID id) { m.addCommandItem(&commands_, id); };
    switch (index) {
    case 0: {
        add(openProject);
        juce::PopupMenu recent;
        const auto files = recent_ ? recent_() : juce::StringArray();
        for (int i = 0; i < files.size(); ++i)
            recent.addItem(recentBase + i, files[i]);
        m.addSubMenu("Open Recent", recent, !files.isEmpty());
        add(saveProject);
        add(saveProjectAs);
        m.addSeparator();
        add(addFolder);
        m.addSeparator();
        add(juce::StandardApplicationCommandIDs::quit);
        break;
    }
    case 1:
        add(undo); add(redo); m.addSeparator();
        for (auto id : { cutClips, copyClips, pasteClips, duplicateClips, deleteClips, splitClips })
            add(id);
        break;
    case 2: add(generate); add(variation); m.addSeparator(); add(freezeTrack); m.addSeparator(); add(render); add(cancelJobs); break;
    case 3: add(playStop); add(rewind); add(toggleLoop); m.addSeparator(); add(audition); break;
    case 4: add(toggleMixer); m.addSeparator(); add(zoomIn); add(zoomOut); add(zoomFit); m.addSeparator(); add(focusSearch); break;
    case 5: add(audioSettings); break;
    default: break;
    }
    return m;
}

void StudioMenuBar::menuItemSelected(int itemId, int)
{
    if (itemId >= recentBase && recent_ && openRecent_) {
        const auto files = recent_();
        if (itemId - recentBase < files.size())
            openRecent_(juce::File(files[itemId - recentBase]));
    }
}

} // namespace loopmind
