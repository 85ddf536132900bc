#pragma once
// How big a song may be. Measured (README "Limits"): a 2-hour song renders mastered with stems with its premaster
// spilled to disk (Core/SpillBuffer), 128 tracks render with a stem each. The limits are twice those sizes; past
// them a song is refused with a sentence naming the limit, rather than rendering for hours, exhausting the disk or
// overflowing a sample count (JUCE's buffers count samples in an int: 2^31 is 3.1 hours at 192 kHz).
#include "Arrangement/Arrangement.h"
#include <optional>
#include <string>

namespace loopmind {

constexpr double maxSongSeconds = 4 * 3600.0;
constexpr int maxSongTracks = 256;
constexpr std::int64_t maxSongSamples = (std::int64_t(1) << 31) - (std::int64_t(1) << 20); // a latency's margin

/** Empty when the song is inside the limits, else why not ("the song is 5 h 2 min long; the limit is 4 h"). */
std::optional<std::string> songLimitProblem(const Arrangement& a);

} // namespace loopmind
