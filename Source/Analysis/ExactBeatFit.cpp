#include "Analysis/ExactBeatFit.h"
#include <cmath>
#include <set>

namespace loopmind::analysis::detail {

int wholeBpmFit(std::int64_t samples, double rate, int beats, double minBpm, double maxBpm)
{
    if (samples <= 0 || beats <= 0 || !(rate > 0.0))
        return 0;
    const double bpm = beats * 60.0 * rate / double(samples);
    const auto whole = std::lround(bpm);
    if (whole < minBpm || whole > maxBpm)
        return 0;
    // Tools round the length either way: within one sample of the exact length counts.
    const double exact = beats * 60.0 * rate / double(whole);
    return std::abs(exact - double(samples)) < 1.0 ? int(whole) : 0;
}

double chanceOfWholeBpmFit(double minSeconds, double maxSeconds, double rate, double minBpm, double maxBpm)
{
    const auto lo = std::int64_t(std::ceil(minSeconds * rate)), hi = std::int64_t(std::floor(maxSeconds * rate));
    if (hi <= lo)
        return 0.0;
    std::set<std::int64_t> fitting;
    for (int beats = 1; beats <= 64; ++beats)
        for (int bpm = int(std::ceil(minBpm)); bpm <= int(std::floor(maxBpm)); ++bpm) {
            const double exact = beats * 60.0 * rate / bpm;
            for (const auto length : { std::int64_t(std::floor(exact)), std::int64_t(std::ceil(exact)) })
                if (length >= lo && length < hi && std::abs(exact - double(length)) < 1.0)
                    fitting.insert(length);
        }
    return double(fitting.size()) / double(hi - lo);
}

} // namespace loopmind::analysis::detail
