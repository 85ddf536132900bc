// arrangement.json (schema v1-v3, with the v3 mixer) on arbitrary bytes, through readArrangementFile as
// `render --arrangement` reads it. What the reader accepts must write and read back unchanged: a song the app
// saves must open again.
#include "Arrangement/ArrangementFile.h"
#include "FuzzSupport.h"
#include <nlohmann/json.hpp>

using namespace loopmind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto file = fuzz::writeScratchFile("arrangement.json", data, size);
    auto song = readArrangementFile(file);
    if (!song) {
        if (song.error().empty())
            fuzz::fail("a rejected arrangement without a reason");
        return 0;
    }
    const auto text = arrangementToText(song.value());
    auto again = arrangementFromJson(nlohmann::json::parse(text), fuzz::scratchFolder());
    if (!again)
        fuzz::fail("an accepted arrangement does not read back once written: " + again.error());
    if (arrangementToText(again.value()) != text)
        fuzz::fail("an arrangement changed when written and read again");
    return 0;
}
