// Style templates (Resources/Styles/*.json) on arbitrary bytes, through loadStyle with $LOOPMIND_STYLES_DIR
// pointing at the scratch folder. A style the validator accepts is then used: the arranger builds a song from a
// small pack with it, and that song must pass the arrangement reader's own validation.
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/StyleTemplate.h"
#include "FuzzSupport.h"
#include <cstdlib>
#include <nlohmann/json.hpp>

using namespace loopmind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const bool folderSet = ::setenv("LOOPMIND_STYLES_DIR", fuzz::scratchFolder().c_str(), 1) == 0;
    if (!folderSet)
        fuzz::fail("cannot set LOOPMIND_STYLES_DIR");
    fuzz::writeScratchFile("fuzzed.json", data, size);
    auto style = loadStyle("fuzzed");
    if (!style) {
        if (style.error().empty())
            fuzz::fail("a rejected style without a reason");
        return 0;
    }
    ArrangementRequest request;
    request.style = style.value();
    request.bpm = std::clamp((style->minBpm + style->maxBpm) / 2, 40.0, 300.0);
    const auto song = AIArrangementEngine().arrange(fuzz::samplePack(*request.bpm), request);
    auto again = arrangementFromJson(arrangementToJson(song), fuzz::scratchFolder());
    if (!again)
        fuzz::fail("a song arranged with an accepted style is not a valid arrangement: " + again.error());
    return 0;
}
