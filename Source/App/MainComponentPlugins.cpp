// Hosted plug-ins in the app: the insert menus offer what the scan found (by category), a slot's editor is the live
// instance's (its own or the generic one), and the instance's state goes back into the song when its editor closes
// and before a save or a render, so that what is saved and rendered is what the producer heard.
#include "App/MainComponent.h"
#include "Plugins/PluginHost.h"
#include "Plugins/PluginScanner.h"
#include "Plugins/PluginSlot.h"
#include "UI/AsyncCallback.h"
#include <map>

namespace loopmind {

void MainComponent::setPluginInsert(StripRef ref, int slot, const PluginReference& plugin)
{
    editStrip(ref, "Insert " + juce::String(plugin.name), false, [&](ChannelStrip& s) {
        EffectSlot e { EffectSlot::pluginType, {}, false, {}, {}, plugin };
        if (slot < int(s.inserts.size()))
            s.inserts[size_t(slot)] = e;
        else if (int(s.inserts.size()) < ChannelStrip::maxInserts)
            s.inserts.push_back(e);
    });
}

bool MainComponent::openPluginEditor(StripRef ref, int slot, bool ownEditor)
{
    closePluginEditor();
    effectEditor_.reset();
    auto* hosted = engine_.hostedPlugin(ref, slot);
    if (hosted == nullptr)
        return false;
    pluginEditor_ = std::make_unique<PluginEditorPanel>(hosted->instance().getName(), hosted->instance(), ownEditor);
    editorRef_ = ref;
    editorSlot_ = slot;
    pluginEditor_->onClosed = [this] { callAsyncIfAlive(*this, [this] { closePluginEditor(); }); }; // after its own click
    addAndMakeVisible(*pluginEditor_);
    resized();
    return true;
}

void MainComponent::closePluginEditor()
{
    if (!pluginEditor_)
        return;
    pluginEditor_.reset();
    recordPluginStates();
    resized();
}

void MainComponent::recordPluginStates()
{
    if (!doc_.song().arrangement)
        return;
    auto next = doc_.song();
    auto& a = *next.arrangement;
    bool changed = false;
    for (const auto ref : allStrips(a.tracks, a.mixer)) {
        auto& strip = *findStrip(a.tracks, a.mixer, ref);
        for (size_t i = 0; i < strip.inserts.size(); ++i) {
            auto* hosted = engine_.hostedPlugin(ref, int(i));
            if (hosted == nullptr || !strip.inserts[i].plugin)
                continue;
            const auto state = plugins::stateOf(hosted->instance());
            const auto parameters = plugins::parameterValues(hosted->instance());
            if (state == strip.inserts[i].plugin->state && parameters == strip.inserts[i].parameters)
                continue;
            engine_.notePluginState(ref, int(i), state, parameters); // the engine has them already: the edit rebuilds nothing
            strip.inserts[i].plugin->state = state;
            strip.inserts[i].parameters = parameters;
            changed = true;
        }
    }
    if (changed)
        doc_.edit("Plug-in settings", std::move(next), false);
}

const plugins::PluginCatalogue& MainComponent::pluginList()
{
    if (!pluginList_) {
        auto cached = plugins::loadCatalogue(plugins::defaultCatalogueFile());
        pluginList_ = cached ? cached.value() : plugins::PluginCatalogue {};
    }
    return *pluginList_;
}

void MainComponent::scanPlugins(bool rescan)
{
    plugins::ScanOptions options;
    options.helper = plugins::defaultScannerPath();
    options.cacheFile = plugins::defaultCatalogueFile();
    options.extraFolders = plugins::extraPluginFolders(); // $LOOPMIND_PLUGIN_PATH and the settings' folders
    options.rescan = rescan;
    renderPanel_.showMessage("Scanning for plug-ins...", false);
    pluginScan_.submit([this, options] {
        auto found = plugins::scanPlugins(options); // helper processes: no plug-in code runs in the app
        callAsyncIfAlive(*this, [this, found = std::move(found)]() mutable {
            renderPanel_.showMessage(juce::String(int(found.plugins.size())) + " plug-ins found, "
                                         + juce::String(int(found.blacklisted.size())) + " blacklisted (they crashed or hung)",
                                     !found.problems.empty());
            pluginList_ = std::move(found);
            if (onPluginScanFinished)
                onPluginScanFinished();
        });
    });
}

void MainComponent::addPluginFolder(const juce::File& folder)
{
    settings_.addPluginFolder(folder);
    plugins::addPluginFolder(folder.getFullPathName().toStdString());
    scanPlugins(false);
}

void MainComponent::choosePluginFolder()
{
    chooser_ = std::make_unique<juce::FileChooser>("Add a folder of plug-ins", settings_.lastFolder());
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                          [this](const juce::FileChooser& c) {
                              if (c.getResult() != juce::File())
                                  addPluginFolder(c.getResult());
                          });
}

std::vector<PluginReference> MainComponent::findPlugins(const juce::String& text)
{
    std::vector<PluginReference> found;
    for (const auto& e : pluginList().plugins)
        if (!e.instrument && e.inputs >= 1 && e.outputs >= 1
            && (juce::String(e.plugin.name).containsIgnoreCase(text) || juce::String(e.plugin.vendor).containsIgnoreCase(text)
                || juce::String(e.category).containsIgnoreCase(text)))
            found.push_back(e.plugin);
    return found;
}

void MainComponent::askForPluginSearch(StripRef ref, int slot)
{
    // A small dialog inside the window (a top-level window would need a window manager): type, then pick.
    auto* dialog = new juce::AlertWindow("Find a plug-in", "Name, vendor or category:", juce::MessageBoxIconType::NoIcon, this);
    dialog->addTextEditor("text", {});
    dialog->addButton("Find", 1, juce::KeyPress(juce::KeyPress::returnKey));
    dialog->addButton("Cancel", 0, juce::KeyPress(juce::KeyPress::escapeKey));
    dialog->enterModalState(true, juce::ModalCallbackFunction::create([this, dialog, ref, slot](int result) {
        const auto text = dialog->getTextEditorContents("text").trim();
        if (result != 1 || text.isEmpty())
            return;
        const auto found = findPlugins(text);
        juce::PopupMenu menu;
        for (size_t i = 0; i < found.size() && i < 60; ++i)
            menu.addItem(int(i) + 1, juce::String(found[i].name) + "  (" + juce::String(found[i].vendor) + ", " + juce::String(found[i].format) + ")");
        if (found.empty())
            menu.addItem(-1, "No plug-in matches '" + text + "'", false);
        menu.showMenuAsync(juce::PopupMenu::Options(), [this, found, ref, slot](int chosen) {
            if (chosen >= 1 && chosen <= int(found.size()))
                setPluginInsert(ref, slot, found[size_t(chosen - 1)]);
        });
    }), true);
}

void MainComponent::addPluginMenu(juce::PopupMenu& menu, int firstId, std::vector<PluginReference>& offered)
{
    // Effects only (an instrument or a meter with no output has no place in an insert), by category, then name.
    std::map<juce::String, juce::PopupMenu> byCategory;
    for (const auto& e : pluginList().plugins) {
        if (e.instrument || e.inputs < 1 || e.outputs < 1)
            continue;
        offered.push_back(e.plugin);
        const juce::String category = e.category.empty() ? juce::String("Other") : juce::String(e.category).upToFirstOccurrenceOf("|", false, false);
        byCategory[juce::String(e.plugin.format) + " " + category].addItem(firstId + int(offered.size()) - 1,
                                                                           juce::String(e.plugin.name) + "  (" + juce::String(e.plugin.vendor) + ")");
    }
    juce::PopupMenu plugins;
    for (auto& [category, items] : byCategory)
        plugins.addSubMenu(category, items);
    if (byCategory.empty())
        plugins.addItem(-1, "No plug-ins found yet: scan first", false);
    menu.addSubMenu("Plug-in", plugins);
}

} // namespace loopmind
