#include "Arrangement/SongLimits.h"
#include <cmath>

namespace loopmind {
namespace {
std::string hoursAndMinutes(double seconds)
{
    const int minutes = int(std::floor(seconds / 60));
    return minutes >= 60 ? std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min"
                         : std::to_string(minutes) + " min " + std::to_string(int(seconds) % 60) + " s";
}
} // namespace

std::optional<std::string> songLimitProblem(const Arrangement& a)
{
    if (int(a.tracks.size()) > maxSongTracks)
        return "the song has " + std::to_string(a.tracks.size()) + " tracks; the limit is " + std::to_string(maxSongTracks);
    const double seconds = a.lengthInSeconds();
    if (seconds > maxSongSeconds)
        return "the song is " + hoursAndMinutes(seconds) + " long (" + std::to_string(a.totalBars()) + " bars at "
               + std::to_string(int(std::lround(a.bpm))) + " BPM); the limit is " + hoursAndMinutes(maxSongSeconds);
    if (a.lengthInSamples() > maxSongSamples)
        return "the song is " + hoursAndMinutes(seconds) + " long at " + std::to_string(int(a.sampleRate))
               + " Hz; at that rate the limit is " + hoursAndMinutes(double(maxSongSamples) / a.sampleRate);
    return std::nullopt;
}

} // namespace loopmind
