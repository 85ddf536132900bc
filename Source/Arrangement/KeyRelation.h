#pragma once
// Which keys sound well together: the same key, the relative major/minor, or a fifth apart
// (neighbours on the Camelot wheel).
#include <optional>
#include <string>

namespace loopmind {

struct MusicalKey {
    int tonic = 0;     // pitch class, C = 0
    bool minor = false;
};

std::optional<MusicalKey> parseKey(const std::string& name); // "A minor", "F# major"
bool keysAreCompatible(const std::string& a, const std::string& b);

/** How a loop's key relates to the project key, in words: "same key", "relative major/minor", "a fifth apart",
    "unpitched" (fits any key), "no project key", or "clash". */
std::string keyRelation(const std::optional<std::string>& projectKey, const std::optional<std::string>& loopKey);

} // namespace loopmind
