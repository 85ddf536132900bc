#pragma once
// How many times a loop's onset pattern repeats whole round the loop. A sparse percussion loop (a hit or two a bar)
// has too few onsets for a groove to be measured, yet its bars repeat exactly, which arrhythmic textures (crackle,
// pings, wind) and one-shots never do; and a loop that repeats one pattern n times is most often n bars. The same
// spectrum of the onset envelope scores how well a candidate beat count repeats (the tempo's first measure).
#include <cstddef>
#include <vector>

namespace loopmind::analysis::detail {

/** Power of the mean-removed envelope at m cycles per loop, m = 0..N/2 (index 0 unused). */
std::vector<double> harmonicPower(const std::vector<float>& e);

/** How many times a pattern repeats if the envelope is split into `beats` equal parts: the share of envelope power at
    multiples of `beats` (`power` from harmonicPower, `total` its sum), times `beats`. About 1 for noise, `beats` for a
    pulse train. */
double repeats(const std::vector<double>& power, double total, int beats);

/** The largest n of 2, 4 and 8 such that at least 90 % of the onset envelope's power (`power[m]`: its Fourier power at
    m cycles per loop, `total` their sum) lies at multiples of n, i.e. the envelope is nearly the same in each n-th of
    the loop; 1 when it does not repeat. Noise holds about 1/n of its power there. */
int wholeRepeats(const std::vector<double>& power, double total);

} // namespace loopmind::analysis::detail
