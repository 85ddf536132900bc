#pragma once
// Mixdown balance before the master bus: a track's gain from its loop's measured loudness and its role. Drums and
// bass anchor the mix, chords and melody sit under them, fx lower, and the bus keeps headroom. The gain and its
// reason go into arrangement.json (tracks[].gainDb, tracks[].gainReason) for the user to see and override.
#include "Library/LoopInfo.h"
#include <string>

namespace loopmind {

struct BalancedGain {
    double gainDb = 0;
    std::string reason;
};

/** The loudness (LUFS) a track of this role aims for on the bus; 6 dB of bus headroom is included. */
double roleTargetLufs(const std::string& role);

/** Without a measured loudness the role's default offset applies (loops are assumed near -10 LUFS). */
BalancedGain balanceTrack(const LoopInfo& loop, const std::string& role);

} // namespace loopmind
