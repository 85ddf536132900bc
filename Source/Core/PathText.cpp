#include "Core/PathText.h"
#include <juce_core/juce_core.h>

namespace loopmind {

std::string pathText(const std::filesystem::path& p)
{
    // On Linux the native encoding is bytes; we treat it as UTF-8, which is what every desktop uses.
    return p.string();
}

std::filesystem::path pathFromText(const std::string& utf8)
{
    return std::filesystem::path(utf8);
}

juce::File toJuceFile(const std::filesystem::path& p)
{
    auto absolute = p.is_absolute() ? p : std::filesystem::absolute(p);
    return juce::File(juce::String::fromUTF8(absolute.string().c_str()));
}

} // namespace loopmind
