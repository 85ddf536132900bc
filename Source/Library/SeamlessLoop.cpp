#include "Library/SeamlessLoop.h"
#include "Analysis/LoopWrap.h"
#include <algorithm>
#include <cmath>
#include <vector>

namespace loopmind {

namespace {
constexpr double crossfadeMs = 5.0; // long enough to hide a phase jump, short enough not to blur a groove
constexpr double matchMs = 5.0;     // how much of the start a candidate place must resemble
constexpr double periodSearchMs = 40.0; // places just before the end: a drone's or pad's own periods
constexpr double gridSearchMs = 2.0;    // around each 16th of the loop: the same beat one beat or bar later
constexpr int candidatesTried = 4;

struct Candidate {
    int at = 0; // the place that should resemble the loop's first sample
    double score = 0;
};

/** 1 when the audio from `at` is the loop's start sample for sample, lower as shape or level differ. The first
    samples weigh most: they are what the seam runs into. */
double resemblance(const juce::AudioBuffer<float>& x, int at, int window)
{
    double cross = 0, power = 0;
    for (int ch = 0; ch < x.getNumChannels(); ++ch) {
        const float* s = x.getReadPointer(ch);
        for (int i = 0; i < window; ++i) {
            const double w = 1.0 - double(i) / window;
            cross += w * 2.0 * double(s[at + i]) * s[i];
            power += w * (double(s[at + i]) * s[at + i] + double(s[i]) * s[i]);
        }
    }
    return power > 0 ? cross / power : 0.0;
}

std::vector<Candidate> candidatePlaces(const juce::AudioBuffer<float>& x, double rate, int fade, int window)
{
    const int n = x.getNumSamples();
    const int lo = fade, hi = n - window - fade; // room for the pre-roll before and the match window after
    std::vector<int> places;
    auto addRange = [&](int from, int to) {
        for (int q = std::max(lo, from); q <= std::min(hi, to); ++q)
            places.push_back(q);
    };
    addRange(hi - int(std::lround(periodSearchMs * 1e-3 * rate)), hi);
    const int grid = int(std::lround(gridSearchMs * 1e-3 * rate));
    for (int j = 1; j < 16; ++j) {
        const int centre = int(std::lround(double(n) * j / 16.0));
        addRange(centre - grid, centre + grid);
    }
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
    std::vector<Candidate> found;
    for (int q : places)
        found.push_back({ q, resemblance(x, q, window) });
    // Best first; ties go to the earlier place so the choice never depends on anything but the audio.
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (found.size() > size_t(candidatesTried))
        found.resize(size_t(candidatesTried));
    return found;
}

/** The tail's last `fade` samples glide into the `fade` samples before `at`. The law keeps the level constant
    for the measured correlation of the two: equal gain when alike, equal power when unrelated. */
void crossfadeTail(juce::AudioBuffer<float>& x, const juce::AudioBuffer<float>& original, int at, int fade)
{
    const int n = x.getNumSamples();
    double cross = 0, pa = 0, pb = 0;
    for (int ch = 0; ch < x.getNumChannels(); ++ch) {
        const float* s = original.getReadPointer(ch);
        for (int i = 0; i < fade; ++i) {
            const double a = s[n - fade + i], b = s[at - fade + i];
            cross += a * b;
            pa += a * a;
            pb += b * b;
        }
    }
    const double correlation = pa > 0 && pb > 0 ? std::clamp(cross / std::sqrt(pa * pb), 0.0, 1.0) : 1.0;
    for (int ch = 0; ch < x.getNumChannels(); ++ch) {
        const float* s = original.getReadPointer(ch);
        float* d = x.getWritePointer(ch);
        for (int i = 0; i < fade; ++i) {
            const double t = (i + 1.0) / fade; // reaches the pre-roll exactly on the last sample
            const double wb = 0.5 - 0.5 * std::cos(juce::MathConstants<double>::pi * t), wa = 1.0 - wb;
            const double gain = 1.0 / std::sqrt(wa * wa + wb * wb + 2.0 * correlation * wa * wb);
            d[n - fade + i] = float(gain * (wa * s[n - fade + i] + wb * s[at - fade + i]));
        }
    }
}

/** Last resort: the tail fades out and the head in, each over `fade` samples (a short dip, never a step). */
void fadeSeam(juce::AudioBuffer<float>& x, int fade)
{
    const int n = x.getNumSamples();
    for (int ch = 0; ch < x.getNumChannels(); ++ch) {
        float* d = x.getWritePointer(ch);
        for (int i = 0; i < fade; ++i) {
            const float w = float(0.5 - 0.5 * std::cos(juce::MathConstants<double>::pi * (i + 0.5) / fade));
            d[i] *= w;
            d[n - 1 - i] *= w;
        }
    }
}
} // namespace

SeamRepair makeLoopSeamless(juce::AudioBuffer<float>& loop, double sampleRate)
{
    SeamRepair repair;
    const int n = loop.getNumSamples();
    if (n == 0 || sampleRate <= 0 || !analysis::measureLoopWrap(loop, sampleRate).clicks)
        return repair;
    const int fade = std::max(16, std::min(n / 8, int(std::lround(crossfadeMs * 1e-3 * sampleRate))));
    const int window = std::max(16, std::min(n / 8, int(std::lround(matchMs * 1e-3 * sampleRate))));
    const juce::AudioBuffer<float> original(loop);
    for (const auto& c : candidatePlaces(original, sampleRate, fade, window)) {
        crossfadeTail(loop, original, c.at, fade);
        if (!analysis::measureLoopWrap(loop, sampleRate).clicks) {
            repair.method = SeamRepair::Method::crossfade;
            repair.preRollEnd = c.at;
            repair.match = c.score;
            return repair;
        }
        loop.makeCopyOf(original);
    }
    fadeSeam(loop, fade);
    repair.method = SeamRepair::Method::fade;
    return repair;
}

} // namespace loopmind
