#include "Arrangement/KeyRelation.h"
#include <array>

namespace loopmind {

std::optional<MusicalKey> parseKey(const std::string& name)
{
    static const std::array<const char*, 12> names { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    const auto space = name.find(' ');
    if (space == std::string::npos)
        return std::nullopt;
    const auto tonic = name.substr(0, space), mode = name.substr(space + 1);
    if (mode != "major" && mode != "minor")
        return std::nullopt;
    for (int pc = 0; pc < 12; ++pc)
        if (tonic == names[size_t(pc)])
            return MusicalKey { pc, mode == "minor" };
    return std::nullopt;
}

namespace {
/** Position on the circle of fifths of the key's major (or relative major). */
int fifthsPosition(const MusicalKey& k)
{
    const int relativeMajor = k.minor ? (k.tonic + 3) % 12 : k.tonic;
    return (relativeMajor * 7) % 12;
}
} // namespace

bool keysAreCompatible(const std::string& a, const std::string& b)
{
    const auto ka = parseKey(a), kb = parseKey(b);
    if (!ka || !kb)
        return false;
    const int distance = (fifthsPosition(*ka) - fifthsPosition(*kb) + 12) % 12;
    if (distance == 0)
        return true; // same key or relative major/minor
    return ka->minor == kb->minor && (distance == 1 || distance == 11); // a fifth apart, same mode
}

std::string keyRelation(const std::optional<std::string>& projectKey, const std::optional<std::string>& loopKey)
{
    if (!loopKey || *loopKey == "none" || !parseKey(*loopKey))
        return "unpitched";
    if (!projectKey)
        return "no project key";
    const auto p = parseKey(*projectKey), l = parseKey(*loopKey);
    if (!p)
        return "no project key";
    if (p->tonic == l->tonic && p->minor == l->minor)
        return "same key";
    if (fifthsPosition(*p) == fifthsPosition(*l))
        return "relative major/minor";
    return keysAreCompatible(*projectKey, *loopKey) ? "a fifth apart" : "clash";
}

} // namespace loopmind
