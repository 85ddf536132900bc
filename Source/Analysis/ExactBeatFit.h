#pragma once
// Whether a loop's length is exactly a whole number of beats at a whole BPM, to the sample. Loop tools cut
// loops that way, so an exact fit is strong evidence for that tempo family; a random length fits some whole BPM
// by chance only about 1.1 % of the time at 44.1 kHz (see chanceOfWholeBpmFit and docs/ANALYSIS.md).
#include <cstdint>

namespace loopmind::analysis::detail {

/** The whole BPM in [minBpm, maxBpm] at which `beats` beats last `samples` samples at `rate` (floor or
    ceiling of the exact length, as tools round it), or 0 when none does. */
int wholeBpmFit(std::int64_t samples, double rate, int beats, double minBpm, double maxBpm);

/** The chance that a random length between minSeconds and maxSeconds fits some candidate (1-64 beats, minBpm-maxBpm)
    at a whole BPM: the distinct lengths that fit (floor and ceiling of every beats x whole BPM) over all lengths.
    Octave and other multiples (8 beats at 97 implies 16 at 194) count once: about 1.1 % for 2-8 s at 44.1 kHz. */
double chanceOfWholeBpmFit(double minSeconds, double maxSeconds, double rate, double minBpm, double maxBpm);

} // namespace loopmind::analysis::detail
