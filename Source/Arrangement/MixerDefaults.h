#pragma once
// The arranger's starting mix beyond the gains: a shared reverb and a tempo-synced delay on return buses, sends
// from the tracks that want space, the drums glued on a bus compressor, and low-cuts that leave the low end to
// bass and kick. Every choice carries its reason into arrangement.json, like the gains do.
#include "Arrangement/Arrangement.h"

namespace loopmind {

/** Sets a's mixer and each track's strip (inserts, sends, output) from the tracks' roles. Deterministic. */
void applyMixerDefaults(Arrangement& a);

} // namespace loopmind
