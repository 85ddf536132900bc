// Key of a loop: the loop-average chroma (square-root compressed) correlated with key profiles fitted to
// electronic dance music for all 24 major and minor keys, plus small bonuses for the tonic opening the
// loop and sitting in the bass; between relative keys, which share every note, the opening decides. "none"
// when the loop has no lasting pitched content, null when the best key does not stand out from the rest. A key
// written in the file name ("Am", "F#m") decides between keys the notes fit about equally well.
#include "Analysis/AnalysisCommon.h"
#include "Analysis/Chroma.h"
#include "Analysis/LoopFeatures.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis {
namespace {
using detail::clamp01;

// Key profiles fitted to electronic dance music ("edma": Faraldo, Gomez, Jorda & Herrera 2016, "Key estimation in
// electronic dance music", ECIR; as in Essentia's KeyEDM), tonic first. Loops come from the genres they were fitted to;
// beside Krumhansl & Kessler's (1982) probe-tone ratings of classical listeners they weigh the tonic further above the
// fifth and fourth, so a line dwelling on its IV or V less often reads in that key.
constexpr std::array<double, 12> kMajorProfile { 1.0000, 0.2875, 0.5020, 0.4048, 0.6050, 0.5614, 0.3205, 0.7966, 0.3159, 0.4506, 0.4202, 0.3889 };
constexpr std::array<double, 12> kMinorProfile { 1.0000, 0.3096, 0.4415, 0.5827, 0.3262, 0.4948, 0.2889, 0.7804, 0.4328, 0.2903, 0.5331, 0.3217 };
const char* const kTonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };

constexpr double kMinTonalness = 0.2;   // below: noise and drums, whose few sinusoids are kick and snare bodies
constexpr double kMinCorrelation = 0.5; // a key profile that fits worse than this is no key at all
constexpr double kMinLineCorrelation = 0.3; // ... for a bass line's few roots
constexpr double kOpeningWeight = 0.12; // bonus for a key whose tonic triad opens the loop
constexpr double kLineOpeningWeight = 0.5; // a bass line's first note is its tonic
constexpr double kMelodyOpeningWeight = 0.25; // a melody's, less surely (it may open on the third or fifth)
constexpr double kClearerOpening = 0.15; // relative keys are decided by the opening when it fits one tonic this much better
constexpr double kBassWeight = 0.1;     // bonus for a key whose tonic is the bass note most of the time
constexpr double kNameAgreement = 0.1;  // a key stated in the file is taken when its fit is within this of the best
constexpr double kMinNamedFit = 0.3;    // and fits the notes at least this well
constexpr double kMinBassLine = 0.3;    // share of the sound in clear notes below G3 for a bass line's key
constexpr double kClearTonicTriad = 0.85; // an opening chord this close to a full triad template has all three notes
constexpr double kMaxThirdless = 0.05;   // a line whose thirds (minor and major) hold less of its notes states no mode
constexpr double kMinFirstBarFit = 0.45;  // a first bar's tonic triad names the key when the key's notes fit at least this well
constexpr double kClearerTriad = 0.1;     // ... and no other triad fits that bar within this
constexpr double kLineOpensOnRoot = 1.0 / 3.0; // share of a line's first ~0.2 s (one of its first two or three notes)
constexpr double kMinBarsForFirstBar = 1.5; // a loop of one bar has no first bar apart from the whole loop
constexpr double kMinVampShare = 0.75; // two roots a fourth apart holding this much of a bass line's notes: a two-chord vamp
constexpr double kMinHarmonicity = 0.06; // share of the sound in lined-up partials for their notes to tell a key
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
        emphasis[size_t(detail::pitchClassOf(hz))] += std::sqrt(chroma.tonalEnergy[n]);
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

/** Chroma of a line's first note: the frames after the wrap (frame 0 straddles the loop's end) up to ~0.2 s. */
std::array<double, 12> firstNoteChroma(const detail::ChromaAnalysis& chroma)
{
    std::array<double, 12> first {};
    const size_t last = std::min(chroma.frames.size(), size_t(1) + size_t(std::lround(0.2 / std::max(chroma.secondsPerFrame, 1e-3))));
    for (size_t n = 1; n < last; ++n)
        for (size_t pc = 0; pc < 12; ++pc)
            first[pc] += chroma.frames[n][pc];
    return first;
}

/** Chroma of the loop's first bar (four beats; the whole loop when shorter), frame 0 (it straddles the wrap) left out. */
std::array<double, 12> firstBarChroma(const detail::ChromaAnalysis& chroma, double beatSeconds)
{
    std::array<double, 12> bar {};
    for (size_t n = 1; n < chroma.frames.size() && double(n) * chroma.secondsPerFrame < 4.0 * beatSeconds; ++n)
        for (size_t pc = 0; pc < 12; ++pc)
            bar[pc] += chroma.frames[n][pc];
    return bar;
}

/** Chroma of the loop's last quarter, its final frame (which straddles the wrap into the start) left out. */
std::array<double, 12> endChroma(const detail::ChromaAnalysis& chroma)
{
    std::array<double, 12> end {};
    const size_t frames = chroma.frames.size();
    for (size_t n = frames - std::min(frames, std::max<size_t>(1, frames / 4)); n + 1 < frames; ++n)
        for (size_t pc = 0; pc < 12; ++pc)
            end[pc] += chroma.frames[n][pc];
    return end;
}

/** The tonic triad (as a key index tonic * 2 + minor) that fits `notes` best, how well, and how well the next one fits. */
struct TriadFit {
    int key = -1;
    double r = -2.0, next = -2.0;
};

TriadFit bestTonicTriad(const std::array<double, 12>& notes)
{
    TriadFit fit;
    for (int k = 0; k < 24; ++k) {
        const double r = correlation(notes, k % 2 ? kMinorTriad : kMajorTriad, k / 2);
        if (r > fit.r) {
            fit.next = fit.r;
            fit.r = r;
            fit.key = k;
        } else if (r > fit.next)
            fit.next = r;
    }
    return fit;
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

namespace {
/** What a key is judged from: a note profile (square-root compressed), the opening's notes and the bass notes. */
struct KeyEvidence {
    std::array<double, 12> compressed {};
    std::array<double, 12> start {};
    std::array<double, 12> bass {};
    double tonalness = 0.0; // how much of the sound the notes are (confidence)
    double spread = 0.0;    // effective number of pitch classes
    bool line = false;      // one line: its opening note is the tonic, not one note of a chord
    bool bassLine = false;  // ... and a bass line, whose opening note is the tonic more surely still
    std::array<double, 12> firstBar {}; // the first bar's notes (all zero without a tempo)
    std::array<double, 12> ending {};   // the last quarter's notes (all zero when not known)
};

KeyEstimate keyFrom(const KeyEvidence& evidence, const std::optional<KeyHint>& hint);

/** A bass line's evidence from its notes (pitch-class weights) and its opening's; none when it has no notes. */
std::optional<KeyEvidence> bassLineEvidence(const std::array<double, 12>& notes, const std::array<double, 12>& opening,
                                            double tonalness)
{
    double total = 0.0;
    for (double v : notes)
        total += v;
    if (!(total > 0.0))
        return std::nullopt;
    KeyEvidence line;
    for (size_t i = 0; i < 12; ++i) {
        line.compressed[i] = std::sqrt(notes[i] / total);
        line.bass[i] = notes[i];
        line.start[i] = opening[i];
    }
    line.tonalness = tonalness;
    line.line = true;
    line.bassLine = true;
    line.spread = effectivePitchClasses(notes);
    return line;
}
} // namespace

KeyEstimate detail::estimateKey(const detail::ChromaAnalysis& longChroma, const std::optional<KeyHint>& hint,
                                const detail::KeySources& more)
{
    // A bass line's notes, period by period: staccato lines leave the chroma all but empty, and a bass line
    // plays the roots that tell the key (Am-F-C-G as A, F, C, G, the tonic most of the time).
    const auto* bassLine = more.bassLine;
    if (bassLine != nullptr && longChroma.tonalness < kMinTonalness) {
        if (bassLine->lowNote >= kMinBassLine)
            if (auto line = bassLineEvidence(bassLine->bassPitchClasses, bassLine->openingPitchClasses, bassLine->lowNote))
                return keyFrom(*line, hint);
        // Periods spoiled by a slap's thump or a pick's click: the notes whose partials line up in the short frames.
        const auto* harmonic = more.shortNotes;
        if (harmonic != nullptr && harmonic->harmonicity >= kMinHarmonicity)
            if (auto line = bassLineEvidence(harmonic->harmonicNotes, harmonic->openingHarmonicNotes, harmonic->harmonicity))
                return keyFrom(*line, hint);
    }
    // Stabs and plucks too short for the long frames: their notes in the 93 ms frames.
    const bool shortInstead = more.shortNotes != nullptr && longChroma.tonalness < kMinTonalness
                              && more.shortNotes->tonalness >= kMinTonalness;
    const auto& chroma = shortInstead ? *more.shortNotes : longChroma;
    const double spread = effectivePitchClasses(chroma.mean);
    if (chroma.frames.empty() || chroma.tonalness < kMinTonalness || spread <= 0.0) {
        KeyEstimate none;
        none.key = "none";
        none.confidence = chroma.frames.empty() ? 0.9 : clamp01(0.6 + 0.4 * (kMinTonalness - chroma.tonalness) / kMinTonalness);
        return none;
    }
    KeyEvidence notes;
    // Square-root compression: the most-played notes (often the root and the bass) still count most,
    // but no longer drown the thirds that tell major from minor.
    for (size_t i = 0; i < 12; ++i)
        notes.compressed[i] = std::sqrt(std::max(0.0, chroma.mean[i]));
    // Loops nearly always start on their tonic chord, and the bass leans on the tonic: small bonuses
    // for both settle what note statistics cannot, above all relative major versus minor (Am-F-C-G
    // has the notes of C major).
    // A single melodic line opens on its tonic as a bass line does (the chord a loop opens on, note by note).
    notes.line = more.singleLine;
    notes.start = notes.line ? firstNoteChroma(chroma) : startChroma(chroma);
    // A bass line heard in the chroma still opens on its tonic, as one read from its periods does (its first quarter:
    // an off-beat line's first note comes half a beat in).
    // Its opening is read from its periods when its low notes are clear: a period is the note's fundamental itself,
    // where the chroma's first frames straddle the wrap and miss fundamentals below 50 Hz (an F#1 is heard there
    // as its 2nd and 3rd partials, F# and C#: a fifth away).
    if (bassLine != nullptr) {
        notes.line = true;
        notes.bassLine = true;
        notes.start = bassLine->lowNote >= kMinBassLine ? bassLine->openingPitchClasses : startChroma(chroma);
    }
    // Where notes fall in the bar: the first bar states the home chord, whether struck, held or broken into an
    // arpeggio, and a melody's notes on its beats are that chord's tones.
    // A loop of one bar (at the tempo read) has no first bar apart from the whole loop, whose chords together fit
    // some triad but open nothing.
    const double loopBars = double(chroma.frames.size()) * chroma.secondsPerFrame / std::max(4.0 * more.beatSeconds, 1e-9);
    if (more.beatSeconds > 0.0 && bassLine == nullptr && loopBars >= kMinBarsForFirstBar)
        notes.firstBar = firstBarChroma(chroma, more.beatSeconds);
    notes.bass = bassEmphasis(chroma);
    notes.ending = endChroma(chroma);
    notes.tonalness = chroma.tonalness;
    notes.spread = spread;
    return keyFrom(notes, hint);
}

namespace {
/** A line without a third: its 6th and 7th degrees say the mode (b6/b7 minor, 6/7 major); with neither, minor. Puts
    the parallel key first when that differs from keys[0] (sorted best first); only the order changes. */
template <typename Scored>
bool modeWithoutThird(std::vector<Scored>& keys, const std::array<double, 12>& compressed)
{
    if (keys.size() < 3)
        return false;
    const int t = keys[0].tonic;
    double total = 0.0;
    for (double v : compressed)
        total += v * v; // compressed is the square root of each note's share
    auto share = [&](int degree) {
        const double c = compressed[size_t((t + degree) % 12)];
        return total > 0.0 ? c * c / total : 0.0;
    };
    if (share(3) + share(4) >= kMaxThirdless)
        return false; // a third is played: the profiles already weigh it
    const bool minor = share(9) + share(11) <= share(8) + share(10);
    if (keys[0].minor == minor)
        return false;
    const auto parallel = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.minor == minor && k.tonic == t; });
    if (parallel == keys.end())
        return false;
    std::rotate(keys.begin(), parallel, parallel + 1);
    return true;
}

/** The chord (a line: the note) a loop opens on, as a key index tonic * 2 + minor (a line's: major), and whether the
    loop's last quarter is that chord's dominant: a major triad (a line: the note) a fifth above. Then the loop's end
    leads back to its start as V leads to I, an authentic cadence at the wrap, and the opening is the tonic. -1 when
    the loop does not end so or either part is silent. */
int cadenceIntoOpening(const std::array<double, 12>& start, const std::array<double, 12>& ending, bool line)
{
    double startTotal = 0.0, endTotal = 0.0;
    for (size_t i = 0; i < 12; ++i) {
        startTotal += start[i];
        endTotal += ending[i];
    }
    if (!(startTotal > 0.0) || !(endTotal > 0.0))
        return -1;
    auto bestTriad = [](const std::array<double, 12>& notes) { return bestTonicTriad(notes).key; };
    auto loudest = [](const std::array<double, 12>& notes) { return int(std::max_element(notes.begin(), notes.end()) - notes.begin()); };
    const int opening = line ? loudest(start) * 2 : bestTriad(start);
    const int dominant = ((opening / 2 + 7) % 12) * 2; // a major triad, or the note, a fifth above
    return (line ? loudest(ending) * 2 : bestTriad(ending)) == dominant ? opening : -1;
}

/** A bass line vamping on two roots a fourth apart (I-IV or V-I: each root is the other's fifth or fourth) fits the
    key of the upper fourth better, since the profiles weigh a tonic's fifth above its fourth; the notes cannot tell
    I-IV from V-I, but a loop opens on its tonic. When the line opens clearly on the other root, that root is the tonic
    (the mode is left to the thirds, or to modeWithoutThird). Returns how clearly it opens (0: no change). */
template <typename Scored>
double vampOpensOnTonic(std::vector<Scored>& keys, const std::array<double, 12>& compressed, const std::array<double, 12>& start)
{
    double total = 0.0, startTotal = 0.0;
    for (double v : compressed)
        total += v * v; // compressed is the square root of each note's share
    for (double v : start)
        startTotal += v;
    if (!(total > 0.0) || !(startTotal > 0.0))
        return 0.0;
    const int best = keys[0].tonic;
    for (int other : { (best + 5) % 12, (best + 7) % 12 }) {
        const double roots = (compressed[size_t(best)] * compressed[size_t(best)] + compressed[size_t(other)] * compressed[size_t(other)]) / total;
        const double lead = (start[size_t(other)] - start[size_t(best)]) / startTotal;
        if (roots < kMinVampShare || lead < kClearerOpening)
            continue;
        const auto opening = std::find_if(keys.begin(), keys.end(), [&](const Scored& k) { return k.tonic == other; }); // its better mode
        std::rotate(keys.begin(), opening, opening + 1);
        return lead;
    }
    return 0.0;
}

/** Relative major and minor (C major and A minor): the same seven notes, tonics a minor third apart. */
template <typename Key>
bool areRelatives(const Key& a, const Key& b)
{
    const Key& minor = a.minor ? a : b;
    const Key& major = a.minor ? b : a;
    return a.minor != b.minor && (minor.tonic + 3) % 12 == major.tonic;
}

KeyEstimate keyFrom(const KeyEvidence& evidence, const std::optional<KeyHint>& hint)
{
    KeyEstimate estimate;
    const auto& compressed = evidence.compressed;
    const auto& start = evidence.start;
    const auto& bass = evidence.bass;
    const double spread = evidence.spread;
    double bassTotal = 0.0, startTotal = 0.0;
    for (double v : bass)
        bassTotal += v;
    for (double v : start)
        startTotal += v;

    struct Scored { int tonic; bool minor; double fit, r, opening; };
    std::vector<Scored> keys;
    for (int tonic = 0; tonic < 12; ++tonic)
        for (bool minor : { false, true }) {
            const double fit = correlation(compressed, minor ? kMinorProfile : kMajorProfile, tonic);
            const double opening = evidence.line ? (startTotal > 0.0 ? start[size_t(tonic)] / startTotal : 0.0)
                                                 : std::max(0.0, correlation(start, minor ? kMinorTriad : kMajorTriad, tonic));
            const double bassShare = bassTotal > 0.0 ? bass[size_t(tonic)] / bassTotal : 0.0;
            // A line's opening note is its tonic far more often than any one chord fits best: it leads.
            const double openingWeight = evidence.line ? (evidence.bassLine ? kLineOpeningWeight : kMelodyOpeningWeight) : kOpeningWeight;
            keys.push_back({ tonic, minor, fit, fit + openingWeight * opening + kBassWeight * bassShare, opening });
        }
    std::sort(keys.begin(), keys.end(), [](const Scored& a, const Scored& b) {
        return a.r != b.r ? a.r > b.r : (a.tonic != b.tonic ? a.tonic < b.tonic : a.minor < b.minor);
    });
    // A loop opens on its tonic chord: a first bar that is one clear full triad (root, third and fifth: arpeggiated,
    // struck or outlined by a melody's beats) names the key, though the loop's later chords (IV, V, vi) may tilt the
    // note statistics to a neighbouring key, as long as that key's notes still fit the whole loop.
    bool firstBarTonic = false;
    {
        const auto triad = bestTonicTriad(evidence.firstBar);
        const int bestTriad = int(std::find_if(keys.begin(), keys.end(), [&](const Scored& k) { return k.tonic * 2 + int(k.minor) == triad.key; })
                                  - keys.begin());
        const double bestR = triad.r, nextR = triad.next;
        // A line must open on that chord's root as well (one of its first notes): a melody's first bar may outline
        // another chord (G Bb Eb C in G minor fits E-flat major's triad), its first note less often.
        const bool found = bestTriad < int(keys.size());
        const bool rootOpens = !evidence.line || (found && keys[size_t(bestTriad)].opening >= kLineOpensOnRoot);
        if (found && bestTriad > 0 && bestR >= kClearTonicTriad && bestR >= nextR + kClearerTriad && rootOpens
            && keys[size_t(bestTriad)].fit >= kMinFirstBarFit) {
            std::rotate(keys.begin(), keys.begin() + bestTriad, keys.begin() + bestTriad + 1);
            firstBarTonic = true;
        }
    }
    // A loop whose end is the dominant of its opening cadences into its start (V-I at the wrap): the opening is the tonic
    // (a line's opening note in whichever mode fits better).
    if (!firstBarTonic) {
        const int cadence = cadenceIntoOpening(start, evidence.ending, evidence.line);
        if (cadence >= 0 && keys[0].tonic != cadence / 2) {
            const auto tonic = std::find_if(keys.begin(), keys.end(), [&](const Scored& k) {
                return k.tonic == cadence / 2 && (evidence.line || k.minor == (cadence % 2 == 1));
            });
            std::rotate(keys.begin(), tonic, tonic + 1);
        }
    }
    // A loop opens on its tonic (a line on its tonic note, chords on the tonic chord). Relative major and minor share
    // every note, so which of the two the notes fit better says which of their tonic chords the loop dwells on (a I-vi
    // loop's second bar weighs the vi), not which is home: when the loop opens clearly on the relative's tonic and not
    // on the best key's, the relative is the key. Its notes are judged by the fit of the scale the two share.
    double relativeOpening = 0.0, sharedScaleFit = keys[0].fit;
    int openingRelative = -1; // the key so chosen, tonic * 2 + minor
    if (!firstBarTonic) {
        const auto relative = std::find_if(keys.begin() + 1, keys.end(), [&](const Scored& k) { return areRelatives(k, keys[0]); });
        if (relative != keys.end() && relative->opening >= keys[0].opening + kClearerOpening) {
            relativeOpening = relative->opening - keys[0].opening;
            sharedScaleFit = std::max(keys[0].fit, relative->fit);
            openingRelative = relative->tonic * 2 + int(relative->minor);
            std::rotate(keys.begin(), relative, relative + 1);
        }
    }
    // A bass line of roots alone (i-iv, i-v) states no third: major and minor on its tonic fit only through the
    // profiles' weights for the notes it lacks. Then the sixth and seventh degrees say the mode; with neither, the
    // line is read as minor, as most of today's popular recordings are (Schellenberg & von Scheve 2012: 42.5 % of US
    // Top 40 hits of 2005-09 in major; a prior, not a finding: the partials of a root-only line carry no mode).
    const double vampOpening = evidence.bassLine ? vampOpensOnTonic(keys, compressed, start) : 0.0;
    const bool modeByDegrees = evidence.bassLine && modeWithoutThird(keys, compressed);
    const auto& best = keys[0];
    const auto& second = keys[modeByDegrees ? 2 : 1]; // the parallel major is no rival: the notes cannot tell them apart
    const bool byRelativeOpening = openingRelative == best.tonic * 2 + int(best.minor); // and not moved again since

    // Confidence: a clear lead over the runner-up (a wider one over the relative major/minor, which
    // shares every note), a good fit, and enough distinct notes to tell a key (one or two pitch
    // classes fit many keys equally well).
    const bool relatives = areRelatives(best, second);
    const double margin = firstBarTonic ? 1.0
                          : byRelativeOpening ? clamp01(relativeOpening / 0.5) // as clear as the opening is
                          : vampOpening > 0.0 ? clamp01(vampOpening / 0.5) // as clear as the opening is
                                              : clamp01((best.r - second.r) / (relatives ? 0.2 : 0.12));
    // Two or three roots fit a 12-note profile less well than a full scale does, yet name the key as surely.
    const double minCorrelation = evidence.bassLine ? kMinLineCorrelation : kMinCorrelation;
    const double scaleFit = byRelativeOpening ? sharedScaleFit : best.fit;
    const double fit = clamp01((scaleFit - minCorrelation) / 0.35);
    // A bass line's two or three roots already tell a key, where a chord's two notes do not.
    // A held chord whose root and fifth drown its third (an organ or string drone) counts as few pitch classes, yet when
    // the loop opens on a clear full triad that is the best key's tonic triad, and that key leads clearly, the chord
    // names its key as a loop of one chord is heard: as the tonic.
    const bool tonicTriad = !evidence.line && best.opening >= kClearTonicTriad && margin >= 0.8;
    const double variety = evidence.line ? clamp01((spread - 1.0) / 1.0)
                                         : std::max(clamp01((spread - 1.5) / 2.5), tonicTriad ? 0.5 : 0.0);
    const double confidence = clamp01(margin * 0.5 + fit * 0.3 + 0.2) * variety * clamp01(evidence.tonalness / 0.3 + 0.3);
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
    if (scaleFit < (firstBarTonic ? kMinFirstBarFit : minCorrelation) || confidence < 0.2)
        return estimate; // pitched, but the key is unclear
    estimate.key = std::string(kTonics[best.tonic]) + (best.minor ? " minor" : " major");
    return estimate;
}

} // namespace

} // namespace loopmind::analysis
