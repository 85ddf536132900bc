#include "Analysis/NoteOnsets.h"
#include <algorithm>

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

} // namespace loopmind::analysis::detail
