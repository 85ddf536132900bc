// .loopmind project files on arbitrary bytes. App/ProjectFile.cpp is compiled in on its own (it needs no window:
// its App headers only declare data), so this is the app's own reader, projectFromText, as loadProject calls it.
// What it accepts must write and read back.
#include "App/ProjectFile.h"
#include "FuzzSupport.h"

using namespace loopmind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto project = projectFromText(fuzz::asText(data, size), fuzz::scratchFolder());
    if (!project) {
        if (project.error().empty())
            fuzz::fail("a rejected project without a reason");
        return 0;
    }
    const auto text = projectToText(project.value());
    auto again = projectFromText(text, fuzz::scratchFolder());
    if (!again)
        fuzz::fail("an accepted project does not read back once written: " + again.error());
    if (projectToText(again.value()) != text)
        fuzz::fail("a project changed when written and read again");
    return 0;
}
