#pragma once
// A stable fingerprint of a scorer's weights file for arrangement.json, the same on every machine:
// SHA-256 by JUCE's juce_cryptography (tested against the FIPS 180-4 examples). Not used for security.
#include <string>

namespace loopmind {

/** Lower-case hex digest of the bytes. */
std::string sha256Hex(const std::string& bytes);

} // namespace loopmind
