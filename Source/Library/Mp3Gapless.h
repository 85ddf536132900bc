#pragma once
// MP3 cannot start or end a stream exactly: the encoder adds a delay before the audio and pads the last
// frame, so a decoded 4-bar loop is ~40 ms too long and no longer loops (or reads as 139.2 BPM instead of 140).
// LAME, and ffmpeg's encoder, record both in the "Info"/"Xing" header of the first frame (the LAME tag);
// gapless players trim by it, and so do we. Files without the tag are decoded as they are.
#include <cstdint>
#include <filesystem>
#include <optional>

namespace loopmind {

struct Mp3Gapless {
    std::int64_t skip = 0;   // decoded samples before the music: the encoder's delay plus the decoder's own
    std::int64_t length = 0; // samples of music after them (the padding at the end is left out)
};

/** The LAME tag's trimming for this MP3 file; nullopt when there is no such tag (or it makes no sense). */
std::optional<Mp3Gapless> readMp3Gapless(const std::filesystem::path& path);

} // namespace loopmind
