#include "App/AppSettings.h"

namespace loopmind {

AppSettings::AppSettings(const juce::File& folder)
{
    juce::PropertiesFile::Options o;
    o.applicationName = "LoopMindStudio";
    o.filenameSuffix = ".settings";
    o.osxLibrarySubFolder = "Application Support";
    o.folderName = folder == juce::File() ? ".config/LoopMindStudio" : folder.getFullPathName(); // Linux: under ~
    o.millisecondsBeforeSaving = 500;
    properties_.setStorageParameters(o);
}

std::unique_ptr<juce::XmlElement> AppSettings::audioDeviceState() { return file().getXmlValue("audioDevice"); }

void AppSettings::setAudioDeviceState(const juce::XmlElement* state)
{
    if (state != nullptr)
        file().setValue("audioDevice", state);
    file().saveIfNeeded();
}

juce::RecentlyOpenedFilesList AppSettings::recentProjects()
{
    juce::RecentlyOpenedFilesList list;
    list.setMaxNumberOfItems(10);
    list.restoreFromString(file().getValue("recentProjects"));
    list.removeNonExistentFiles();
    return list;
}

void AppSettings::addRecentProject(const juce::File& f)
{
    auto list = recentProjects();
    list.addFile(f);
    file().setValue("recentProjects", list.toString());
    file().saveIfNeeded();
}

juce::File AppSettings::lastFolder()
{
    return juce::File(file().getValue("lastFolder", juce::File::getSpecialLocation(juce::File::userHomeDirectory).getFullPathName()));
}

void AppSettings::setLastFolder(const juce::File& f) { file().setValue("lastFolder", f.getFullPathName()); }

juce::StringArray AppSettings::pluginFolders()
{
    return juce::StringArray::fromLines(file().getValue("pluginFolders"));
}

void AppSettings::addPluginFolder(const juce::File& folder)
{
    auto folders = pluginFolders();
    folders.addIfNotAlreadyThere(folder.getFullPathName());
    folders.removeEmptyStrings();
    file().setValue("pluginFolders", folders.joinIntoString("\n"));
}

} // namespace loopmind
