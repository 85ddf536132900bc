#include "Library/Mp3Gapless.h"
#include <cstring>
#include <fstream>
#include <vector>

namespace loopmind {
namespace {
// JUCE's MP3 decoder (mpg123's synthesis) outputs 529 samples before the first encoded one; measured against
// the original in the tests.
constexpr std::int64_t decoderDelay = 529;

std::uint32_t bigEndian(const unsigned char* p) { return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3]; }
} // namespace

std::optional<Mp3Gapless> readMp3Gapless(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char id3[10] {};
    if (!in.read(reinterpret_cast<char*>(id3), sizeof id3))
        return std::nullopt;
    std::streamoff start = 0;
    if (std::memcmp(id3, "ID3", 3) == 0) { // an ID3v2 tag first: its size is "syncsafe" (7 bits per byte)
        start = 10 + ((std::streamoff(id3[6] & 0x7f) << 21) | (std::streamoff(id3[7] & 0x7f) << 14) | (std::streamoff(id3[8] & 0x7f) << 7) | (id3[9] & 0x7f));
        if (id3[5] & 0x10)
            start += 10; // a footer too
    }
    std::vector<unsigned char> head(4096);
    in.seekg(start);
    in.read(reinterpret_cast<char*>(head.data()), std::streamsize(head.size()));
    head.resize(size_t(in.gcount()));
    // The first frame header: 11 sync bits, then version, layer.
    size_t at = 0;
    while (at + 4 <= head.size() && !(head[at] == 0xff && (head[at + 1] & 0xe0) == 0xe0))
        ++at;
    if (at + 4 > head.size())
        return std::nullopt;
    const int version = (head[at + 1] >> 3) & 3, layer = (head[at + 1] >> 1) & 3;
    if (layer != 1 || version == 1) // Layer III only; version 1 is reserved
        return std::nullopt;
    const bool mpeg1 = version == 3, mono = ((head[at + 3] >> 6) & 3) == 3;
    const size_t sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    size_t p = at + 4 + sideInfo;
    if (p + 8 > head.size() || (std::memcmp(&head[p], "Xing", 4) != 0 && std::memcmp(&head[p], "Info", 4) != 0))
        return std::nullopt;
    const std::uint32_t flags = bigEndian(&head[p + 4]);
    p += 8;
    if (!(flags & 1))
        return std::nullopt; // no frame count: the length is unknown
    if (p + 4 > head.size())
        return std::nullopt;
    const std::int64_t frames = bigEndian(&head[p]);
    p += 4;
    p += (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0); // byte count, seek table, quality
    // The LAME extension: a 9-byte encoder name, then at +21 the delay and padding, 12 bits each.
    if (p + 24 > head.size() || !(std::memcmp(&head[p], "LAME", 4) == 0 || std::memcmp(&head[p], "Lavc", 4) == 0 || std::memcmp(&head[p], "Lavf", 4) == 0))
        return std::nullopt;
    const std::int64_t delay = (std::int64_t(head[p + 21]) << 4) | (head[p + 22] >> 4);
    const std::int64_t padding = (std::int64_t(head[p + 22] & 0x0f) << 8) | head[p + 23];
    const std::int64_t samplesPerFrame = mpeg1 ? 1152 : 576;
    const std::int64_t length = frames * samplesPerFrame - delay - padding;
    if (frames <= 0 || length <= 0)
        return std::nullopt;
    return Mp3Gapless { delay + decoderDelay, length };
}

} // namespace loopmind
