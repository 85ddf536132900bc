#pragma once
// Tracks for engine tests: distinct, deterministic stereo loops scheduled to repeat over a whole song.
#include "Engine/TrackGraph.h"
#include <vector>

namespace loopmind::test {

/** count tracks of loops loopSeconds long, each repeating from 0 to songSeconds; filters and decays make
    every sample depend on the track's history, so any processing-order mistake changes the output. */
std::vector<PlaybackTrack> makeEngineTracks(int count, double sampleRate, double loopSeconds, double songSeconds);

} // namespace loopmind::test
