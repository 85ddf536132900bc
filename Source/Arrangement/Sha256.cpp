#include "Arrangement/Sha256.h"
#include <juce_cryptography/juce_cryptography.h>

namespace loopmind {

std::string sha256Hex(const std::string& bytes)
{
    return juce::SHA256(bytes.data(), bytes.size()).toHexString().toStdString(); // lower case, no separators
}

} // namespace loopmind
