#include "Analysis/NoteOnsets.h"
#include <algorithm>
#include <cmath>
#include <vector>

namespace loopmind::analysis::detail {

double notesPerOnset(const ChromaAnalysis& chroma)
{
    const auto& frames = chroma.frames;
    const size_t n = frames.size();
    if (n < 2)
        return 0.0;
    double weighted = 0.0, weights = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const auto& now = frames[i];
        const auto& before = frames[(i + n - 1) % n]; // the loop wraps
        double sum = 0.0, squares = 0.0;
        for (size_t pc = 0; pc < 12; ++pc) {
            const double rise = std::max(0.0f, now[pc] - before[pc]);
            sum += rise;
            squares += rise * rise;
        }
        if (squares <= 0.0)
            continue;
        weighted += sum * (sum * sum / squares);
        weights += sum;
    }
    return weights > 0.0 ? weighted / weights : 0.0;
}

double restrikeSimilarity(const ChromaAnalysis& chroma)
{
    const auto& frames = chroma.frames;
    const size_t n = frames.size();
    if (n < 3)
        return 1.0;
    std::vector<std::array<double, 12>> rises(n);
    std::vector<double> sums(n, 0.0);
    double top = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const auto& now = frames[i];
        const auto& before = frames[(i + n - 1) % n];
        for (size_t pc = 0; pc < 12; ++pc) {
            rises[i][pc] = std::max(0.0f, now[pc] - before[pc]);
            sums[i] += rises[i][pc];
        }
        top = std::max(top, sums[i]);
    }
    std::vector<size_t> onsets; // peaks of the total rise: a few rising partials of a ringing note are no onset
    for (size_t i = 0; i < n; ++i)
        if (sums[i] > 0.2 * top && sums[i] > sums[(i + n - 1) % n] && sums[i] >= sums[(i + 1) % n])
            onsets.push_back(i);
    if (onsets.size() < 2)
        return 1.0; // one onset (or none) moves on to nothing

    double weighted = 0.0, weights = 0.0;
    for (size_t k = 0; k < onsets.size(); ++k) {
        const auto& a = rises[onsets[k]];
        const auto& b = rises[onsets[(k + 1) % onsets.size()]];
        double dot = 0.0, aa = 0.0, bb = 0.0;
        for (size_t pc = 0; pc < 12; ++pc) { dot += a[pc] * b[pc]; aa += a[pc] * a[pc]; bb += b[pc] * b[pc]; }
        const double w = std::min(sums[onsets[k]], sums[onsets[(k + 1) % onsets.size()]]);
        weighted += w * dot / std::sqrt(aa * bb);
        weights += w;
    }
    return weights > 0.0 ? weighted / weights : 0.0;
}

} // namespace loopmind::analysis::detail
