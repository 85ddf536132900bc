// Key of a loop: the loop-average chroma (square-root compressed) correlated with the Krumhansl-Kessler
// probe-tone profiles for all 24 major and minor keys, plus small bonuses for the tonic opening the
// loop and sitting in the bass. "none" when the loop has no lasting pitched content, null when the
// best key does not stand out from the rest. A key written in the file name ("Am", "F#m") decides between
// keys the notes fit about equally well.
#include "Analysis/AnalysisCommon.h"
#include "Analysis/Chroma.h"
#include "Analysis/LoopFeatures.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis {
namespace {
using detail::clamp01;

// Krumhansl & Kessler (1982) probe-tone ratings, tonic first.
constexpr std::array<double, 12> kMajorProfile { 6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88 };
constexpr std::array<double, 12> kMinorProfile { 6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17 };
const char* const kTonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };

constexpr double kMinTonalness = 0.2;   // below: noise and drums, whose few sinusoids are kick and snare bodies
constexpr double kMinCorrelation = 0.5; // a key profile that fits worse than this is no key at all
constexpr double kOpeningWeight = 0.12; // bonus for a key whose tonic triad opens the loop
constexpr double kBassWeight = 0.1;     // bonus for a key whose tonic is the bass note most of the time
constexpr double kNameAgreement = 0.1;  // a key stated in the file is taken when its fit is within this of the best
constexpr double kMinNamedFit = 0.3;    // and fits the notes at least this well
// Tonic triads, tonic first, as templates for the opening chord.
constexpr std::array<double, 12> kMajorTriad { 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0 };
constexpr std::array<double, 12> kMinorTriad { 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0 };

double correlation(const std::array<double, 12>& chroma, const std::array<double, 12>& profile, int tonic)
{
    double mc = 0.0, mp = 0.0;
    for (int i = 0; i < 12; ++i) {
        mc += chroma[size_t(i)];
        mp += profile[size_t(i)];
    }
    mc /= 12.0;
    mp /= 12.0;
    double num = 0.0, dc = 0.0, dp = 0.0;
    for (int i = 0; i < 12; ++i) {
        const double c = chroma[size_t((i + tonic) % 12)] - mc, p = profile[size_t(i)] - mp;
        num += c * p;
        dc += c * c;
        dp += p * p;
    }
    return dc > 0.0 && dp > 0.0 ? num / std::sqrt(dc * dp) : 0.0;
}

/** Per pitch class: how much of the time it is the lowest note (weighted by level). */
std::array<double, 12> bassEmphasis(const detail::ChromaAnalysis& chroma)
{
    std::array<double, 12> emphasis {};
    const size_t frames = chroma.lowestPitchHz.size();
    for (size_t n = 0; n < frames; ++n) {
        const double hz = chroma.lowestPitchHz[n];
        if (hz <= 0.0)
            continue;
        const int pc = ((int(std::lround(69.0 + 12.0 * std::log2(hz / 440.0))) % 12) + 12) % 12;
        emphasis[size_t(pc)] += std::sqrt(chroma.tonalEnergy[n]);
    }
    return emphasis;
}

/** Square-root-compressed chroma of the first quarter of the loop (its opening chord or notes). */
std::array<double, 12> startChroma(const detail::ChromaAnalysis& chroma)
{
    std::array<double, 12> start {};
    const size_t frames = std::max<size_t>(1, chroma.frames.size() / 4);
    for (size_t n = 0; n < frames && n < chroma.frames.size(); ++n)
        for (size_t pc = 0; pc < 12; ++pc)
            start[pc] += chroma.frames[n][pc];
    for (double& v : start)
        v = std::sqrt(std::max(0.0, v));
    return start;
}

/** How many pitch classes carry the chroma: 1 for a single note, ~7 for a full scale. */
double effectivePitchClasses(const std::array<double, 12>& chroma)
{
    double sum = 0.0, squares = 0.0;
    for (double v : chroma) {
        sum += v;
        squares += v * v;
    }
    return squares > 0.0 ? sum * sum / squares : 0.0;
}
} // namespace

KeyEstimate detail::estimateKey(const detail::ChromaAnalysis& chroma, const std::optional<KeyHint>& hint)
{
    KeyEstimate estimate;
    const double spread = effectivePitchClasses(chroma.mean);
    if (chroma.frames.empty() || chroma.tonalness < kMinTonalness || spread <= 0.0) {
        estimate.key = "none";
        estimate.confidence = chroma.frames.empty() ? 0.9 : clamp01(0.6 + 0.4 * (kMinTonalness - chroma.tonalness) / kMinTonalness);
        return estimate;
    }

    // Square-root compression: the most-played notes (often the root and the bass) still count most,
    // but no longer drown the thirds that tell major from minor.
    std::array<double, 12> compressed {};
    for (size_t i = 0; i < 12; ++i)
        compressed[i] = std::sqrt(std::max(0.0, chroma.mean[i]));

    // Loops nearly always start on their tonic chord, and the bass leans on the tonic: small bonuses
    // for both settle what note statistics cannot, above all relative major versus minor (Am-F-C-G
    // has the notes of C major).
    const auto start = startChroma(chroma);
    const auto bass = bassEmphasis(chroma);
    double bassTotal = 0.0;
    for (double v : bass)
        bassTotal += v;

    struct Scored { int tonic; bool minor; double fit, r; };
    std::vector<Scored> keys;
    for (int tonic = 0; tonic < 12; ++tonic)
        for (bool minor : { false, true }) {
            const double fit = correlation(compressed, minor ? kMinorProfile : kMajorProfile, tonic);
            const double opening = std::max(0.0, correlation(start, minor ? kMinorTriad : kMajorTriad, tonic));
            const double bassShare = bassTotal > 0.0 ? bass[size_t(tonic)] / bassTotal : 0.0;
            keys.push_back({ tonic, minor, fit, fit + kOpeningWeight * opening + kBassWeight * bassShare });
        }
    std::sort(keys.begin(), keys.end(), [](const Scored& a, const Scored& b) {
        return a.r != b.r ? a.r > b.r : (a.tonic != b.tonic ? a.tonic < b.tonic : a.minor < b.minor);
    });
    const auto& best = keys[0];
    const auto& second = keys[1];

    // Confidence: a clear lead over the runner-up (a wider one over the relative major/minor, which
    // shares every note), a good fit, and enough distinct notes to tell a key (one or two pitch
    // classes fit many keys equally well).
    const bool relatives = best.minor != second.minor
        && (best.minor ? (best.tonic + 3) % 12 == second.tonic : (second.tonic + 3) % 12 == best.tonic);
    const double margin = clamp01((best.r - second.r) / (relatives ? 0.2 : 0.12));
    const double fit = clamp01((best.fit - kMinCorrelation) / 0.35);
    const double variety = clamp01((spread - 1.5) / 2.5);
    const double confidence = clamp01(margin * 0.5 + fit * 0.3 + 0.2) * variety * clamp01(chroma.tonalness / 0.3 + 0.3);
    estimate.confidence = confidence;
    // A key stated in the file (its name, an ACID root note) settles what the notes leave open (relative major or
    // minor, a loop of one or two notes), but never overrules them: its notes must fit nearly as well as the best
    // key's do. (Judged on the profile fit alone: the opening-chord and bass bonuses guess at what it states.)
    if (hint) {
        // The stated tonic in the stated mode, or in whichever mode scores higher when none is stated.
        const auto it = std::find_if(keys.begin(), keys.end(), [&](const Scored& k) { // keys are sorted best first
            return k.tonic == hint->tonic && (!hint->minor || k.minor == *hint->minor);
        });
        double bestFit = -1.0;
        for (const auto& k : keys)
            bestFit = std::max(bestFit, k.fit);
        if (it->fit >= bestFit - kNameAgreement && it->fit >= kMinNamedFit) {
            estimate.key = std::string(kTonics[it->tonic]) + (it->minor ? " minor" : " major");
            estimate.confidence = std::max(confidence, 0.6);
            return estimate;
        }
    }
    if (best.fit < kMinCorrelation || confidence < 0.2)
        return estimate; // pitched, but the key is unclear
    estimate.key = std::string(kTonics[best.tonic]) + (best.minor ? " minor" : " major");
    return estimate;
}

} // namespace loopmind::analysis
