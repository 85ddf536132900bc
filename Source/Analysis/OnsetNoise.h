#pragma once
// How many of the attacks above 150 Hz are noise. A drum beat's snares, hats and claps start as bursts of broadband
// noise, even when a tonal 808 boom holds most of the energy and its clean periods read as notes; a bass line's
// attacks, however percussive (a slap, a hard pick), start its harmonic partials.
#include "Analysis/OnsetStrength.h"

namespace loopmind::analysis::detail {

/** Share of the rises in energy above 150 Hz (over ~23 ms) that fall in frames whose 150 Hz-8 kHz spectrum is
    noise (flatness above 0.2; ~0 for tones, ~0.5 for white noise): 0 when every attack is a note. */
double noisyAttackShare(const OnsetEnvelope& onsets);

} // namespace loopmind::analysis::detail
