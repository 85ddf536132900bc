#pragma once
// SHA-256 (FIPS 180-4), written from the standard: a stable fingerprint of a scorer's weights file for
// arrangement.json, the same on every machine. Not used for security.
#include <string>

namespace loopmind {

/** Lower-case hex digest of the bytes. */
std::string sha256Hex(const std::string& bytes);

} // namespace loopmind
