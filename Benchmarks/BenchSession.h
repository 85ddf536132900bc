#pragma once
// The engine benches' material: `count` distinct, deterministic 1.5 s stereo loops repeated over `seconds`, and
// the real mixer case on them (every track with an EQ and a compressor and a post-fader send to a reverb
// return).
#include "Engine/TrackGraph.h"
#include <vector>

namespace loopmind::bench {

std::vector<PlaybackTrack> benchTracks(int count, double rate, double seconds);

struct MixerSession {
    std::vector<PlaybackTrack> tracks;
    MixerLayout layout;
};
MixerSession mixerSession(int tracks, double rate, double seconds);

} // namespace loopmind::bench
