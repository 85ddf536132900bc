#include "Analysis/HarmonicRhythm.h"
#include <algorithm>
#include <array>
#include <cmath>

namespace loopmind::analysis::detail {
namespace {
constexpr double kWindowSeconds = 0.35;  // chroma averaged either side of a moment: a chord, not a passing note
constexpr double kMinChange = 0.15;      // cosine distance of a clear change (a drone's wavering stays below)
constexpr double kChangeShare = 0.5;     // every change at least half as clear as the clearest
constexpr double kQuietBetween = 0.35;   // and half-way between them, at most this share of the changes' mean

double cosineDistance(const std::array<double, 12>& a, const std::array<double, 12>& b)
{
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (size_t i = 0; i < 12; ++i) {
        ab += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    return aa > 0.0 && bb > 0.0 ? 1.0 - ab / std::sqrt(aa * bb) : 0.0;
}
} // namespace

int evenChordChanges(const ChromaAnalysis& chroma)
{
    const int frames = int(chroma.frames.size());
    if (frames < 16 || !(chroma.secondsPerFrame > 0.0))
        return 0;
    const int window = std::max(2, int(std::lround(kWindowSeconds / chroma.secondsPerFrame)));
    // Novelty: how much the chroma after each frame differs from the chroma before it (the loop wraps).
    std::vector<double> novelty(size_t(frames), 0.0);
    double clearest = 0.0;
    for (int n = 0; n < frames; ++n) {
        std::array<double, 12> before {}, after {};
        for (int d = 0; d < window; ++d)
            for (size_t pc = 0; pc < 12; ++pc) {
                before[pc] += chroma.frames[size_t(((n - 1 - d) % frames + frames) % frames)][pc];
                after[pc] += chroma.frames[size_t((n + d) % frames)][pc];
            }
        novelty[size_t(n)] = cosineDistance(before, after);
        clearest = std::max(clearest, novelty[size_t(n)]);
    }
    if (clearest < kMinChange)
        return 0;
    auto near = [&](double x) { // the largest novelty within a frame of x
        double best = 0.0;
        for (int d = -1; d <= 1; ++d)
            best = std::max(best, novelty[size_t(((int(std::lround(x)) + d) % frames + frames) % frames)]);
        return best;
    };
    // The most changes that all stand out, with quiet between them (8 changes pass only if 4 would fail).
    for (int count : { 8, 4, 2 }) {
        const double spacing = double(frames) / count;
        if (spacing < 2.0 * window)
            continue;
        int bestPhase = 0;
        double bestSum = -1.0;
        for (int phase = 0; phase < int(std::ceil(spacing)); ++phase) {
            double sum = 0.0;
            for (int k = 0; k < count; ++k)
                sum += near(phase + k * spacing);
            if (sum > bestSum) {
                bestSum = sum;
                bestPhase = phase;
            }
        }
        double weakest = 1.0, between = 0.0;
        for (int k = 0; k < count; ++k) {
            weakest = std::min(weakest, near(bestPhase + k * spacing));
            between = std::max(between, near(bestPhase + (k + 0.5) * spacing));
        }
        if (weakest >= std::max(kMinChange, kChangeShare * clearest) && between <= kQuietBetween * bestSum / count)
            return count;
    }
    return 0;
}

bool changesEveryBar(const ChromaAnalysis& chroma, int bars)
{
    const int frames = int(chroma.frames.size());
    if (bars < 2 || frames < 4 * bars)
        return false;
    // Mean chroma over frames [from, to), as fractions of the loop.
    auto notesIn = [&](double from, double to) {
        std::array<double, 12> sum {};
        for (int n = int(std::lround(from * frames)); n < int(std::lround(to * frames)); ++n)
            for (size_t pc = 0; pc < 12; ++pc)
                sum[pc] += chroma.frames[size_t(n)][pc];
        return sum;
    };
    double between = 1.0, within = 0.0;
    for (int b = 0; b < bars; ++b) {
        const double start = double(b) / bars, middle = (b + 0.5) / bars, end = double(b + 1) / bars;
        const double next = double((b + 1) % bars) / bars;
        between = std::min(between, cosineDistance(notesIn(start, end), notesIn(next, next + 1.0 / bars)));
        within = std::max(within, cosineDistance(notesIn(start, middle), notesIn(middle, end)));
    }
    return between >= kMinChange && within <= kQuietBetween * between;
}

int barsOfChordChanges(const ChromaAnalysis& chroma)
{
    int most = 0;
    for (int bars : { 2, 4, 8 })
        if (changesEveryBar(chroma, bars))
            most = bars;
    return most;
}

} // namespace loopmind::analysis::detail
