#include "Analysis/LoopRepeats.h"
#include <algorithm>
#include <cmath>
#include <juce_core/juce_core.h>

namespace loopmind::analysis::detail {

std::vector<double> harmonicPower(const std::vector<float>& e)
{
    const int n = int(e.size());
    double mean = 0.0;
    for (float v : e)
        mean += v;
    mean /= std::max(n, 1);
    std::vector<double> cosTable(static_cast<size_t>(n)), sinTable(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double a = 2.0 * juce::MathConstants<double>::pi * i / n;
        cosTable[size_t(i)] = std::cos(a);
        sinTable[size_t(i)] = std::sin(a);
    }
    std::vector<double> power(size_t(n / 2 + 1), 0.0);
    for (int m = 1; m <= n / 2; ++m) {
        double re = 0.0, im = 0.0;
        int idx = 0;
        for (int i = 0; i < n; ++i) {
            const double v = e[size_t(i)] - mean;
            re += v * cosTable[size_t(idx)];
            im -= v * sinTable[size_t(idx)];
            idx += m;
            if (idx >= n)
                idx -= n;
        }
        power[size_t(m)] = re * re + im * im;
    }
    return power;
}

double repeats(const std::vector<double>& power, double total, int beats)
{
    if (total <= 0.0 || beats <= 0)
        return 0.0;
    double sum = 0.0;
    for (size_t m = size_t(beats); m < power.size(); m += size_t(beats))
        sum += power[m];
    return beats * sum / total;
}

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
