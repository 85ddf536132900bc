#include "Analysis/LoopRepeats.h"

namespace loopmind::analysis::detail {

int wholeRepeats(const std::vector<double>& power, double total)
{
    constexpr double kRepeatShare = 0.9; // two bars of the same hits, a reverb tail folded into the first aside
    if (total <= 0.0)
        return 1;
    int best = 1;
    for (int n : { 2, 4, 8 }) {
        double share = 0.0;
        for (std::size_t m = std::size_t(n); m < power.size(); m += std::size_t(n))
            share += power[m];
        if (share >= kRepeatShare * total)
            best = n;
        else
            break; // repeating 4 times implies repeating twice
    }
    return best;
}

} // namespace loopmind::analysis::detail
