// The plug-in list the scanner caches (plugins.json in the user's cache folder) on arbitrary bytes, through
// loadCatalogue as the app and the CLI call it. A damaged list is an error with a reason (the app scans again);
// an accepted list writes and reads back to the same text.
#include "FuzzSupport.h"
#include "Plugins/PluginCatalogue.h"

using namespace loopmind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto file = fuzz::writeScratchFile("plugins.json", data, size);
    auto catalogue = plugins::loadCatalogue(file);
    if (!catalogue) {
        if (catalogue.error().empty())
            fuzz::fail("rejected a plug-in list without a reason");
        return 0;
    }
    const auto text = plugins::toJsonText(catalogue.value());
    const auto again = fuzz::scratchFolder() / "again.json";
    if (!plugins::saveCatalogue(catalogue.value(), again))
        fuzz::fail("an accepted plug-in list could not be saved");
    auto reread = plugins::loadCatalogue(again);
    if (!reread)
        fuzz::fail("a saved plug-in list does not load: " + reread.error());
    if (plugins::toJsonText(reread.value()) != text)
        fuzz::fail("a plug-in list does not read back to the same text");
    return 0;
}
