#pragma once
// Settings that outlive a session (audio device, last folders, recent projects, plug-in folders), in juce::ApplicationProperties.
// Tests and --demo-render use a throwaway settings file so they never touch the user's.
#include <juce_data_structures/juce_data_structures.h>
#include <juce_gui_extra/juce_gui_extra.h>

namespace loopmind {

class AppSettings {
public:
    /** Empty folder: the user's settings folder; otherwise the settings file lives there (tests). */
    explicit AppSettings(const juce::File& folder = {});
    juce::PropertiesFile& file() { return *properties_.getUserSettings(); }
    /** The folder the settings file (and the recovery copy) live in. */
    juce::File folder() { return file().getFile().getParentDirectory(); }

    std::unique_ptr<juce::XmlElement> audioDeviceState();
    void setAudioDeviceState(const juce::XmlElement* state);
    juce::RecentlyOpenedFilesList recentProjects();
    void addRecentProject(const juce::File& f);
    juce::File lastFolder();
    void setLastFolder(const juce::File& f);
    /** Folders searched for plug-ins besides the formats' defaults (Options > Plug-in Folders). */
    juce::StringArray pluginFolders();
    void addPluginFolder(const juce::File& folder);

private:
    juce::ApplicationProperties properties_;
};

} // namespace loopmind
