#include "Plugins/PluginHost.h"
#include "Plugins/PluginCatalogue.h"
#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>

namespace loopmind::plugins {
namespace {
std::atomic<int> abandoning { 0 }; // AbandonPluginWaits alive

/** Runs fn on the message thread and waits for it (at once, when called there). Keeps every use of the formats on
    one thread: JUCE's LV2 world and VST3's COM objects are not thread-safe. Once the app is closing (its message
    loop may be about to wait for this thread), a waiting thread gets `abandoned` instead. */
template <typename Fn, typename R = decltype(std::declval<Fn>()())>
R onMessageThread(Fn fn, R abandoned)
{
    auto* messages = juce::MessageManager::getInstance();
    if (messages->isThisTheMessageThread())
        return fn();
    struct Call { // shared with the message thread: it may run after an abandoned wait returned
        std::optional<R> result;
        juce::WaitableEvent done;
    };
    auto call = std::make_shared<Call>();
    juce::MessageManager::callAsync([call, fn = std::move(fn)]() mutable {
        if (abandoning.load() == 0)
            call->result.emplace(fn());
        call->done.signal();
    });
    while (!call->done.wait(50)) // the message loop must be running: the app's, or the CLI's (runWithProgress)
        if (abandoning.load() > 0)
            return abandoned;
    return call->result ? std::move(*call->result) : std::move(abandoned);
}

std::vector<std::string>& addedFolders()
{
    static std::vector<std::string> folders;
    return folders;
}

/** Lets the LV2 format see bundles in the extra folders (the others search their files when asked). */
void loadExtraLv2Bundles(juce::AudioPluginFormatManager& manager)
{
    juce::FileSearchPath path;
    for (const auto& f : extraPluginFolders())
        path.add(juce::File::getCurrentWorkingDirectory().getChildFile(f));
    for (auto* format : manager.getFormats())
        if (format->getName() == "LV2" && path.getNumPaths() > 0)
            format->searchPathsForPlugins(path, true, false);
}

/** The scan's verdict on a plug-in: why it must not be loaded here, or empty. */
std::string blacklistReason(const juce::PluginDescription& d)
{
    // Read again when the scan has written a new list (message thread only: no lock).
    static std::filesystem::path readFrom;
    static std::filesystem::file_time_type readAt;
    static PluginCatalogue catalogue;
    const auto file = defaultCatalogueFile();
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(file, ec);
    if (file != readFrom || modified != readAt) {
        auto loaded = loadCatalogue(file);
        catalogue = loaded ? loaded.value() : PluginCatalogue {};
        readFrom = file;
        readAt = modified;
    }
    for (const auto& b : catalogue.blacklisted)
        if (b.source.format == d.pluginFormatName.toStdString() && b.source.identifier == d.fileOrIdentifier.toStdString())
            return b.reason;
    return {};
}
} // namespace

std::vector<std::string> extraPluginFolders()
{
    std::vector<std::string> folders;
    if (const char* env = std::getenv("LOOPMIND_PLUGIN_PATH"); env != nullptr)
        for (const auto& f : juce::StringArray::fromTokens(env, ":", ""))
            if (f.isNotEmpty())
                folders.push_back(f.toStdString());
    const auto added = onMessageThread([] { return addedFolders(); }, std::vector<std::string> {});
    folders.insert(folders.end(), added.begin(), added.end());
    return folders;
}

void addPluginFolder(const std::string& folder)
{
    onMessageThread([folder] {
        formats(); // made first, so the new folder's bundles are loaded once
        addedFolders().push_back(folder);
        loadExtraLv2Bundles(formats());
        return 0;
    }, 0);
}

juce::AudioPluginFormatManager& formats()
{
    static juce::AudioPluginFormatManager* manager = [] {
        auto* m = new juce::AudioPluginFormatManager(); // lives as long as the process: instances refer to it
        m->addDefaultFormats();                          // LV2, VST3 and LADSPA, as compiled in (cmake/LoopMindJuce.cmake)
        loadExtraLv2Bundles(*m);
        return m;
    }();
    return *manager;
}

juce::PluginDescription describe(const PluginReference& plugin)
{
    juce::PluginDescription d;
    d.pluginFormatName = plugin.format;
    d.fileOrIdentifier = plugin.identifier;
    d.name = d.descriptiveName = plugin.name;
    d.manufacturerName = plugin.vendor;
    d.version = plugin.version;
    d.uniqueId = d.deprecatedUid = plugin.uniqueId;
    return d;
}

PluginReference identify(const juce::PluginDescription& d)
{
    PluginReference p;
    p.format = d.pluginFormatName.toStdString();
    p.identifier = d.fileOrIdentifier.toStdString();
    p.name = d.name.toStdString();
    p.vendor = d.manufacturerName.toStdString();
    p.version = d.version.toStdString();
    p.uniqueId = d.uniqueId;
    return p;
}

Result<std::unique_ptr<juce::AudioPluginInstance>> instantiate(const juce::PluginDescription& description, double sampleRate,
                                                               int blockSize)
{
    using Made = Result<std::unique_ptr<juce::AudioPluginInstance>>;
    // Captures by value: an abandoned wait returns while the call may still be queued.
    return onMessageThread([description, sampleRate, blockSize]() -> Made {
        const std::string name =
            (description.name.isNotEmpty() ? description.name : description.fileOrIdentifier).toStdString();
        const std::string formatName = description.pluginFormatName.toStdString();
        juce::AudioPluginFormat* format = nullptr;
        for (auto* f : formats().getFormats())
            if (f->getName() == description.pluginFormatName)
                format = f;
        if (format == nullptr)
            return Made::failure("plug-in '" + name + "': this build cannot host " + formatName + " plug-ins");
        if (const auto reason = blacklistReason(description); !reason.empty())
            return Made::failure("plug-in '" + name + "' is blacklisted by the plug-in scan (it " + reason + "): not loaded");
        if (!format->doesPluginStillExist(description))
            return Made::failure("plug-in '" + name + "' (" + formatName + ") is not installed");
        juce::String error;
        auto instance = format->createInstanceFromDescription(description, sampleRate, blockSize, error);
        if (instance == nullptr)
            return Made::failure("plug-in '" + name + "' failed to load: " + (error.isEmpty() ? "no reason given" : error.toStdString()));
        return Made::success(std::move(instance));
    }, Made::failure("plug-in '" + description.name.toStdString() + "' was not loaded: the app is closing"));
}

AbandonPluginWaits::AbandonPluginWaits() { ++abandoning; }
AbandonPluginWaits::~AbandonPluginWaits() { --abandoning; }

std::string stateOf(juce::AudioPluginInstance& instance)
{
    juce::MemoryBlock block;
    instance.getStateInformation(block);
    return block.getSize() == 0 ? std::string() : block.toBase64Encoding().toStdString();
}

} // namespace loopmind::plugins
