// Tempo of a loop. A loop spans a whole number of beats, so the candidates are few: beats * 60 / seconds.
// Each candidate is scored by how much of the onset envelope repeats every beat (the envelope's
// Fourier power at multiples of the beat count), by priors on tempo and on bar-friendly beat counts,
// and octave (half/double-time) choices are settled by comparing off-beat with on-beat onsets.
#include "Analysis/AnalysisCommon.h"
#include "Analysis/DrumPattern.h"
#include "Analysis/ExactBeatFit.h"
#include "Analysis/HarmonicRhythm.h"
#include "Analysis/LoopFeatures.h"
#include "Analysis/LoopRepeats.h"
#include "Analysis/NameHints.h"
#include "Analysis/OnsetStrength.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis {
namespace {
using detail::clamp01;
using detail::wholeBpmFit;
using detail::beatPhase;
using detail::lowerQuantile;
using detail::strongestNear;
using detail::KickPlacement;
using detail::harmonicPower;
using detail::repeats;

constexpr double kMinBpm = 50.0, kMaxBpm = 220.0;
constexpr int kMaxBeats = 64;
constexpr double kMinSeconds = 1.0;       // shorter than this is a one-shot
constexpr double kRhythmicRepeats = 2.5;  // noise scores ~1 repeat, a real groove 4+
constexpr double kOnsetContrast = 3.0;    // onset peaks at 4x the median envelope and more
constexpr double kHintTolerance = 0.01;
constexpr double kExactFitWeight = 1.25;
constexpr double kClearOctave = 0.5; // an octave decided this clearly is not moved by a bare number in the name
constexpr double kMaxLinePolyphony = 2.0; // a line (bass, arpeggio, lead) rather than chords
constexpr double kMinAccentedOffBeats = 0.6; // an 8th line's off-beats against its accented beats
// Where a backbeat on every other beat of the faster grid settles the octave: drum and bass and jungle (160-180) and
// what is read as their half (80-90). Below, a faster "snare on every other beat" is more often off-beat open hats over
// four-on-the-floor kicks (house at 120 read at 60); above 185, 8th-note hats.
constexpr double kMinBackbeatBpm = 150.0, kMaxBackbeatBpm = 185.0;
constexpr double kMaxSlowKicksOff = 0.2; // kicks' share off the slow grid's 16ths: hip-hop <= 0.14, half-time >= 0.30
constexpr double kMinKickEnergyShare = 0.12; // pitched loops: leads/arps/stabs <= 0.063, kits >= 0.23 (geometric middle)
constexpr double kMinHeldBpm = 60.0, kMaxHeldBpm = 160.0; // a chord a bar gives a tempo only in this usual range

struct Candidate {
    int beats = 0;
    double bpm = 0.0;
    double repeats = 0.0;
    double prior = 0.0;
    double score = 0.0;
    int wholeBpm = 0; // the whole BPM whose beats span the loop to the sample, or 0
};

double tempoPrior(double bpm)
{
    // Flat over 80-160, a little lower at 70 and 180, then falling: loops below 70 BPM are uncommon,
    // above 180 rare, while 8th notes at 90-110 BPM that pass for beats at 180-220 are common.
    auto between = [](double x, double x0, double x1, double y0, double y1) {
        const double t = std::clamp(std::log2(x / x0) / std::log2(x1 / x0), 0.0, 1.0);
        return y0 + (y1 - y0) * t;
    };
    if (bpm < 80.0)
        return bpm >= 70.0 ? between(bpm, 80.0, 70.0, 1.0, 0.85)
                           : bpm >= 60.0 ? between(bpm, 70.0, 60.0, 0.85, 0.5) : between(bpm, 60.0, 50.0, 0.5, 0.2);
    if (bpm > 160.0)
        return bpm <= 180.0 ? between(bpm, 160.0, 180.0, 1.0, 0.85)
                            : bpm <= 183.0 ? between(bpm, 180.0, 183.0, 0.85, 0.3) : between(bpm, 183.0, 220.0, 0.3, 0.1);
    return 1.0;
}

double beatsPrior(int beats)
{
    // Loops are cut to bars, and bars come in powers of two far more often than not.
    if (beats >= 4 && juce::isPowerOfTwo(beats))
        return 1.0;
    if (beats % 4 == 0)
        return 0.75;
    if (beats % 2 == 0 || beats == 3)
        return 0.5;
    return beats == 1 ? 0.6 : 0.35;
}

/** Off-beat versus on-beat onset strength at a candidate's beat grid, and how much that comparison
    can be trusted (a grid with fewer onsets than beats says little about its subdivisions). */
struct Subdivision {
    double ratio = 0.0;        // 0: nothing half-way between beats, 1: as strong as the beats
    double informative = 0.0;  // 0..1
};

/** Onset peaks above the typical level: the largest value minus the median. */
double onsetRange(const std::vector<float>& v)
{
    return v.empty() ? 0.0 : double(*std::max_element(v.begin(), v.end()) - lowerQuantile(v, 0.5));
}

Subdivision measureSubdivision(const std::vector<float>& e, int beats, float noiseFloor, const std::vector<int>& onsets)
{
    Subdivision result;
    const double period = double(e.size()) / beats;
    const double phase = beatPhase(e, beats);
    // Swing moves off-beats by ~10% of a beat; a 4% window keeps swung 8ths out of the straight grid.
    const double tolerance = std::max(1.0, 0.04 * period);
    double on = 0.0, off = 0.0;
    for (int i = 0; i < beats; ++i) {
        const double x = phase + i * period;
        on += std::max(0.0f, strongestNear(e, x, tolerance) - noiseFloor);
        off += std::max(0.0f, strongestNear(e, x + 0.5 * period, tolerance) - noiseFloor);
    }
    result.ratio = on > 1e-9 ? clamp01(off / on) : 0.0;

    // The comparison means something only when the grid's beats and off-beats hold most of the onsets,
    // and there are about as many onsets as beats: two syncopated chords a bar say nothing about it.
    double onGrid = 0.0, all = 0.0;
    for (int i : onsets) {
        const double strength = std::max(0.0f, e[size_t(i)] - noiseFloor);
        const double halfBeats = ((i - phase) / period) * 2.0;
        const double offset = std::abs(halfBeats - std::round(halfBeats)) * 0.5 * period;
        all += strength;
        onGrid += offset <= tolerance + 1.0 ? strength : 0.0;
    }
    const double coverage = all > 0.0 ? onGrid / all : 0.0;
    result.informative = clamp01((double(onsets.size()) / beats - 0.5) / 0.5) * clamp01((coverage - 0.5) / 0.4);
    return result;
}

/** Off-beat against on-beat onset strength of the low band (<150 Hz) on a grid of `beats`: ~1 for a bass line on every
    8th, low for kicks on a few beats. */
double lowBandEvenness(const std::vector<float>& low, int beats)
{
    if (low.empty() || beats <= 0)
        return 0.0;
    const double period = double(low.size()) / beats, phase = beatPhase(low, beats);
    const double tolerance = std::max(1.0, 0.04 * period);
    const float floor = lowerQuantile(low, 0.5);
    double on = 0.0, off = 0.0;
    for (int i = 0; i < beats; ++i) {
        on += std::max(0.0f, strongestNear(low, phase + i * period, tolerance) - floor);
        off += std::max(0.0f, strongestNear(low, phase + (i + 0.5) * period, tolerance) - floor);
    }
    return on > 1e-9 ? clamp01(off / on) : 0.0;
}

/** The strongest repetition at any candidate beat or its 8th/triplet/16th subdivisions (a one-bar loop
    need not repeat beat to beat, but its hats repeat every 8th). Only counted when significant: with
    few harmonics in the sum, noise alone can reach a few repeats. */
double rhythmicity(const std::vector<double>& power, double total, const std::vector<Candidate>& candidates)
{
    const int maxHarmonic = int(power.size()) - 1;
    double strongest = 0.0;
    for (const auto& c : candidates)
        for (int k : { 1, 2, 3, 4 }) {
            const int b = c.beats * k;
            const int terms = b > 0 ? maxHarmonic / b : 0;
            if (terms < 4)
                continue;
            const double r = repeats(power, total, b);
            // Noise gives r ~ 1 with a spread of about sqrt(2 / terms).
            if ((r - 1.0) * std::sqrt(terms / 2.0) >= 4.0)
                strongest = std::max(strongest, r);
        }
    return strongest;
}

/** How far the detected onsets stand above the typical envelope level: large for drums (silence or
    decays between hits), near 0 for noise and for slowly changing sounds. */
double onsetContrast(const std::vector<float>& e, const std::vector<int>& onsets)
{
    if (onsets.empty() || e.empty())
        return 0.0;
    std::vector<float> sorted(e);
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
    const double median = sorted[sorted.size() / 2];
    double peaks = 0.0;
    for (int i : onsets)
        peaks += e[size_t(i)];
    peaks /= double(onsets.size());
    const double largest = *std::max_element(e.begin(), e.end());
    return (peaks - median) / (median + 1e-3 * largest + 1e-12);
}

std::optional<double> hintedBpm(const std::string& nameHint, const std::vector<Candidate>& candidates, int& beatsOut)
{
    for (double number : detail::numbersInName(nameHint))
        for (const auto& c : candidates)
            if (std::abs(c.bpm - number) <= kHintTolerance * number) {
                beatsOut = c.beats;
                return c.bpm;
            }
    return std::nullopt;
}

/** The candidate's tempo is written as a tempo in the name ("120bpm", "BPM 120") or is a number in a folder's name. */
bool isMarkedTempo(const std::string& nameHint, const Candidate* c)
{
    if (c == nullptr)
        return false;
    auto marked = detail::tempoMarkedNumbersInName(nameHint);
    const auto slash = nameHint.find_last_of("/\\");
    if (slash != std::string::npos)
        for (double folderNumber : detail::numbersInName(nameHint.substr(0, slash)))
            marked.push_back(folderNumber);
    for (double number : marked)
        if (std::abs(c->bpm - number) <= kHintTolerance * number)
            return true;
    return false;
}

/** True when one beat count is the other times a power of two (the same tempo up to octaves). */
/** Onsets without any measurable repetition still make a groove only if they sit on a musical grid:
    some plausible candidate's 8th notes, straight or swung (the off-beat 16th up to 2/3 of the 8th).
    Random crackle, pings and a one-shot's reverb tail land anywhere. Requires 85 % aligned. */
bool onGrid(const std::vector<int>& onsets, double frames, const std::vector<Candidate>& candidates)
{
    if (onsets.size() < 4)
        return false;
    for (const auto& c : candidates) {
        if (c.prior < 0.5)
            continue;
        const double eighth = frames / (c.beats * 2.0);
        const double tolerance = std::max(1.5 / eighth, 0.06);
        int aligned = 0;
        for (int i : onsets) {
            const double p = double(i) / eighth - std::floor(double(i) / eighth);
            if (p <= tolerance || p >= 1.0 - tolerance || (p >= 0.5 - tolerance && p <= 0.67 + tolerance))
                ++aligned;
        }
        if (aligned >= 0.85 * double(onsets.size()))
            return true;
    }
    return false;
}

/** Pitch classes sounding at once, averaged over the chroma frames that have any: ~1 for a line, 3+ for chords. */
double meanPolyphony(const detail::ChromaAnalysis& chroma)
{
    double sum = 0.0, pitched = 0.0;
    for (int count : chroma.pitchClasses)
        if (count > 0) {
            sum += count;
            pitched += 1.0;
        }
    return pitched > 0.0 ? sum / pitched : 0.0;
}

/** The first onset towers over every later one: a single hit and its echoes, not a pattern. */
bool dominantFirstHit(const std::vector<float>& e, const std::vector<int>& onsets)
{
    if (onsets.empty())
        return false;
    float later = 0.0f;
    for (size_t k = 1; k < onsets.size(); ++k)
        later = std::max(later, e[size_t(onsets[k])]);
    return e[size_t(onsets.front())] > 4.0f * later;
}

/** Loud at the start, then only a tail: the second half never comes within 10 dB of the opening
    peak. A loop, which repeats its hits, does. */
bool decaysAway(const std::vector<float>& mono)
{
    const size_t n = mono.size(), head = std::max<size_t>(1, n * 15 / 100);
    float first = 0.0f, second = 0.0f;
    for (size_t i = 0; i < head; ++i) first = std::max(first, std::abs(mono[i]));
    for (size_t i = n / 2; i < n; ++i) second = std::max(second, std::abs(mono[i]));
    return second < 0.3f * first;
}

bool octaveRelated(int a, int b)
{
    const int hi = std::max(a, b), lo = std::min(a, b);
    if (lo <= 0 || hi % lo != 0)
        return false;
    const int ratio = hi / lo;
    return (ratio & (ratio - 1)) == 0;
}

TempoEstimate makeEstimate(const Candidate& c, double confidence)
{
    TempoEstimate t;
    t.bpm = c.wholeBpm > 0 ? double(c.wholeBpm) : c.bpm;
    t.beats = c.beats;
    t.confidence = clamp01(confidence);
    return t;
}
} // namespace

TempoEstimate detail::estimateTempo(const detail::LoopFeatures& features, const std::string& nameHint)
{
    TempoEstimate none;
    if (features.mono.empty())
        return none;
    const double seconds = features.seconds;
    if (seconds < kMinSeconds) {
        none.confidence = 0.9; // sure it is a one-shot
        return none;
    }

    std::vector<Candidate> candidates;
    for (int b = 1; b <= kMaxBeats; ++b) {
        const double bpm = b * 60.0 / seconds;
        if (bpm >= kMinBpm && bpm <= kMaxBpm)
            candidates.push_back({ b, bpm, 0.0, tempoPrior(bpm) * beatsPrior(b), 0.0 });
    }
    if (candidates.empty())
        return none; // longer than 64 beats at 50 BPM, or too short for a beat at 220

    // Loop tools cut a loop to whole beats at a whole BPM, to the sample. When the length fits exactly one such
    // tempo family (97 and 194, not also 105 and 90 as a round 4.000 s does), that is strong evidence: a random
    // length does so about 1 % of the time (ExactBeatFit.h).
    const auto samples = std::int64_t(std::llround(seconds * features.sourceRate));
    // Loops are 1, 2, 4 or 8 bars (or half a bar): only fits at a power-of-two count of beats are a family. A
    // length that is 16 beats at 136 is also 10 at 85 and 14 at 119 (all of 120/17 s), and 8.000 s is 14 beats at
    // 105 as well as 16 at 120; those odd bar counts are what an exact fit says nothing against.
    auto loopLike = [](int beats) { return beats >= 2 && juce::isPowerOfTwo(beats); };
    const Candidate* exactFamily = nullptr;
    bool oneFamily = true;
    for (auto& c : candidates) {
        c.wholeBpm = wholeBpmFit(samples, features.sourceRate, c.beats, kMinBpm, kMaxBpm);
        if (c.wholeBpm == 0 || !loopLike(c.beats))
            continue;
        if (exactFamily == nullptr)
            exactFamily = &c;
        else if (!octaveRelated(exactFamily->beats, c.beats))
            oneFamily = false;
    }
    if (!oneFamily)
        exactFamily = nullptr;

    int hintBeats = 0;
    const auto hint = hintedBpm(nameHint, candidates, hintBeats);

    const auto& mono = features.mono;
    const auto& envelope = features.onsets;
    const auto& e = envelope.values;
    const auto onsets = detail::pickOnsets(envelope);
    const auto power = e.size() >= 8 ? harmonicPower(e) : std::vector<double>();
    double total = 0.0;
    for (double p : power)
        total += p;

    // A one-shot: every onset falls in the first quarter and the rest is its decay. A loop, which
    // wraps, keeps having onsets to its end.
    const bool decayOnly = !onsets.empty() && onsets.back() < int(0.25 * double(e.size()));
    const bool fewOnsets = onsets.size() <= 1 || total <= 1e-12 || decayOnly;
    for (auto& c : candidates) {
        c.repeats = fewOnsets ? 0.0 : repeats(power, total, c.beats);
        // An exact whole-BPM fit of the length outweighs a modest lead in repetition (ExactBeatFit.h).
        const bool inExactFamily = exactFamily != nullptr && c.wholeBpm > 0 && octaveRelated(c.beats, exactFamily->beats);
        c.score = c.repeats * c.prior * (inExactFamily ? kExactFitWeight : 1.0);
    }
    const double strongest = fewOnsets ? 0.0 : rhythmicity(power, total, candidates);

    // Rhythmic: the envelope repeats at some beat or subdivision, or (a one-bar groove, a pad changing
    // chords) it holds several distinct onsets; noise does neither.
    const bool distinctOnsets = onsets.size() >= 3 && onsetContrast(e, onsets) >= kOnsetContrast
                                && onGrid(onsets, double(e.size()), candidates) && !dominantFirstHit(e, onsets)
                                && !decaysAway(mono);
    if (fewOnsets || (strongest < kRhythmicRepeats && !distinctOnsets)) {
        // No groove to measure. A name that says "N bpm", or a pack folder named with its tempo ("House 124"),
        // N fitting the length, is still worth reporting; a bare number in the file name is not (indices,
        // years and take numbers fit some length often enough).
        const auto slash = nameHint.find_last_of("/\\");
        // Chords changing evenly round the loop give its bars; when the changes are too gradual to stand out as moments
        // (a string pad's slow attack and release), whole bars that differ from the next and hold still inside do.
        const int evenChanges = detail::evenChordChanges(features.chroma);
        const int heldChanges = evenChanges > 0 ? evenChanges : detail::barsOfChordChanges(features.chroma);
        auto trusted = detail::tempoMarkedNumbersInName(nameHint);
        if (slash != std::string::npos)
            for (double folderNumber : detail::numbersInName(nameHint.substr(0, slash)))
                trusted.push_back(folderNumber);
        for (double number : trusted)
            for (const auto& c : candidates)
                if (std::abs(c.bpm - number) <= kHintTolerance * number)
                    return makeEstimate(c, 0.3);
        // A drone or a held pad whose length singles out one whole-BPM family: that tempo,
        // unless the sound dies away like a one-shot. A bare number in the name that is one of the family picks
        // the octave (indices and years rarely fit to the sample); otherwise the priors do.
        // Only for held notes (a drone, a pad, a bowed line): arrhythmic noise (wind, crackle) is cut to any length.
        // Held notes: lasting chroma notes, or (a bowed line's vibrato smears the 186 ms frames) notes standing clear in
        // the 93 ms frames over a waveform that repeats period after period, which wind and crackle never do. A choir's or
        // an ensemble's voices beat against each other, so its waveform never repeats (periodicity 0.70-0.80) and its
        // vibrato smears the long frames (tonalness 0.08-0.14), yet its partials still line up as notes' (harmonicity
        // 0.32-0.58; drum kits and hand percussion stay under 0.06, noise has none): twice that floor counts too.
        const bool heldNotes = features.chroma.tonalness >= 0.35
                               || (features.shortNotes.tonalness >= 0.35
                                   && (features.lowPitch.periodicity >= 0.85 || features.shortNotes.harmonicity >= 0.12));
        // Or clear hits that repeat the same bar round the loop (hand percussion, a hit or two a bar): too few onsets for a
        // groove, yet a pattern, not a texture; a loop repeating one bar n times is most often n bars long.
        const int loopRepeats = detail::wholeRepeats(power, total);
        const bool repeatingHits = !heldNotes && onsets.size() >= 2 && loopRepeats >= 2 && onsetContrast(e, onsets) >= kOnsetContrast;
        if (exactFamily != nullptr && seconds >= 2.0 && (heldNotes || repeatingHits) && !decaysAway(mono)) {
            const Candidate* pick = nullptr;
            for (double number : detail::numbersInName(nameHint))
                for (const auto& c : candidates)
                    if (pick == nullptr && c.wholeBpm > 0 && octaveRelated(c.beats, exactFamily->beats) && c.wholeBpm == number)
                        pick = &c;
            const bool named = pick != nullptr;
            for (const auto& c : candidates)
                if (!named && c.wholeBpm > 0 && octaveRelated(c.beats, exactFamily->beats) && (pick == nullptr || c.prior > pick->prior))
                    pick = &c;
            // Chords changing evenly round the loop change on bar lines, most often once a bar: that member of the
            // family, when it is one (the name still comes first).
            const int bars = repeatingHits ? loopRepeats : heldChanges;
            for (const auto& c : candidates)
                if (!named && bars > 0 && c.beats == 4 * bars && c.wholeBpm > 0 && octaveRelated(c.beats, exactFamily->beats))
                    pick = &c;
            return makeEstimate(*pick, named ? 0.5 : 0.35);
        }
        // No exact fit (a tempo with decimals): the chord changes alone, at a bar each, when that is a usual tempo.
        if (heldChanges > 0 && seconds >= 2.0 && features.chroma.tonalness >= 0.35 && !decaysAway(mono))
            for (const auto& c : candidates)
                if (c.beats == 4 * heldChanges && c.bpm >= kMinHeldBpm && c.bpm <= kMaxHeldBpm)
                    return makeEstimate(c, 0.3);
        none.confidence = fewOnsets ? 0.8 : clamp01((kRhythmicRepeats - strongest) / 1.5);
        return none;
    }

    const auto root = *std::max_element(candidates.begin(), candidates.end(),
                                        [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
    auto find = [&](int beats) -> const Candidate* {
        for (const auto& c : candidates)
            if (c.beats == beats)
                return &c;
        return nullptr;
    };

    // The octave family of the best candidate: its halvings and doublings within range.
    int slowest = root.beats;
    while (slowest % 2 == 0 && find(slowest / 2) != nullptr)
        slowest /= 2;

    std::vector<float> sorted(e);
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 5), sorted.end());
    const float noiseFloor = sorted[sorted.size() / 5];

    // Walk up from the slowest: double while the off-beats are about as strong as the beats.
    // The bar for "about as strong" moves with the tempo priors: 62 -> 124 needs off-beats at a
    // fifth of the beats' strength, 92 -> 184 nearly equal ones. Too few onsets to judge: priors decide.
    const Candidate* chosen = find(slowest);
    double octaveMargin = 1.0;
    const bool tonal = features.chroma.tonalness >= 0.35; // bass, chords, leads: notes, not a drum kit
    // No lasting notes and no partials lined up as a note's, even in short frames (a staccato bass line has those).
    const bool unpitched = !tonal && features.shortNotes.harmonicity < 0.06;
    // The drum-pattern rules below read the low band; without clear low onsets (a flute, a pad) they are mute.
    // Pitched material must also put real energy there, as a kick drum does (in-sample kits 0.23-0.99 of it below
    // 150 Hz): a violin's or a flute's few hundredths of rumble (leads, arpeggios and stabs at most 0.063) still flicker
    // in the log-compressed low-band flux, and a kick rule read off them doubles a lead's tempo.
    const bool hasKicks = onsetRange(envelope.low) >= 0.5 * onsetRange(e)
                          && (unpitched || detail::lowEnergyShare(envelope) >= kMinKickEnergyShare);
    bool drumPatternSpoke = false; // kicks on 32nds or a backbeat decided an octave
    while (const Candidate* faster = find(chosen->beats * 2)) {
        const auto sub = measureSubdivision(e, chosen->beats, noiseFloor, onsets);
        const double evidence = sub.informative * sub.ratio + (1.0 - sub.informative) * 0.5;
        const double threshold = std::clamp(0.5 + 0.5 * std::log(chosen->prior / faster->prior), 0.2, 0.97);
        // Drum-pattern evidence overrides the balance of beats and off-beats: kicks that would need 32nd
        // notes, or a kick/snare backbeat on the 8th notes, both say this grid is half the tempo. (Kicks only in a
        // drum kit: a tonal loop's low band holds note attacks and ringing partials.)
        const double phase = beatPhase(e, chosen->beats);
        const auto kicks = hasKicks ? placeKicks(envelope.low, envelope.framesPerSecond, chosen->beats, phase) : KickPlacement {};
        // A drum kit whose snare lands on every other beat of the faster grid: the backbeat is there (drum and bass at
        // 174 whose snare also rings below 150 Hz, so the kick/snare sides of the test above do not separate).
        const bool fasterBackbeat = hasKicks && unpitched && faster->bpm >= kMinBackbeatBpm && faster->bpm <= kMaxBackbeatBpm
                                    && detail::snareOnEveryOtherBeat(envelope, faster->beats, beatPhase(e, faster->beats));
        const bool kicksSayHalf = hasKicks && ((kicks.onOddThirtySeconds >= 0.2 && !tonal) || backbeatOnOffBeats(envelope, chosen->beats, phase));
        // A drum kit's backbeat on this grid at a hip-hop tempo, kicks cleanly on its 16ths: this is the beat. (Not for
        // pitched loops: a bass line's notes are no kick and snare.)
        // Kicks off its 16ths (swung 16ths of double the tempo) make it a half-time groove after all. A half-time groove
        // puts one kick in two or three there (a share of 0.30-0.38 in-sample, where no 32nd test fires); a groove played
        // on these 16ths only reaches 0.14 (a late low-end peak: kits differ), so the line is at 0.2, between the two.
        const bool slowBackbeat = hasKicks && unpitched && !kicksSayHalf && chosen->bpm < 95.0
                                  && kicks.offSixteenths < kMaxSlowKicksOff
                                  && backbeatOnBeats(envelope, chosen->beats, phase);
        // A backbeat on this grid outranks one on the faster grid: a snare on 2 and 4 here is what a groove plays.
        const bool halfTempo = kicksSayHalf || (fasterBackbeat && !slowBackbeat);
        if (slowBackbeat) {
            drumPatternSpoke = true;
            octaveMargin = std::min(octaveMargin, 0.5);
            break;
        }
        drumPatternSpoke = drumPatternSpoke || halfTempo;
        octaveMargin = std::min(octaveMargin, halfTempo ? 0.7 : std::abs(evidence - threshold) / 0.3);
        // Off-beats as strong as the beats with no drum pattern to say more (an even 8th-note line): the
        // faster reading is a convention, not a finding, so the confidence says so.
        const bool evenLine = !halfTempo && sub.informative >= 0.5 && sub.ratio >= 0.8;
        if (evenLine)
            octaveMargin = std::min(octaveMargin, 0.2);
        // For pitched lines (no drum kit to read), an even pulse is left to the tempo prior, and a tie
        // keeps the slower reading: 8th notes at 90 more often than quarter notes at 180.
        // Unless the length fits the faster reading at a whole BPM and not the slower (175 whole, 87.5 not).
        const bool fasterIsWhole = exactFamily != nullptr && faster->wholeBpm > 0 && chosen->wholeBpm == 0;
        // A pitched line (no drum kit) running in even notes on every 8th of the faster grid: 16ths of this one, which
        // leave this grid's test blind (its 8ths hold only half the onsets). A line running in 16ths for the whole loop
        // is rarer than one in 8ths at twice the tempo, the usual note value of a running bass line. A length that fits
        // this reading at a whole BPM and not the faster one still decides (ExactBeatFit.h).
        if (!unpitched && !halfTempo && meanPolyphony(features.chroma) < kMaxLinePolyphony) {
            const auto fasterSub = measureSubdivision(e, faster->beats, noiseFloor, onsets);
            const bool chosenIsWhole = exactFamily != nullptr && chosen->wholeBpm > 0 && faster->wholeBpm == 0;
            // (Only up to a usual fast tempo: 16ths at 105 are funk; 8ths at 210 are rare.)
            // With onsets below 150 Hz, the notes running there must be the ones filling the 8ths: 16th-note hats over a
            // kick and a bass (a hip-hop loop at 85) fill them too, yet the low band then holds kicks on a few beats.
            const bool lowRuns = !hasKicks || lowBandEvenness(envelope.low, faster->beats) >= 0.7;
            if (fasterSub.informative >= 0.8 && fasterSub.ratio >= 0.7 && sub.informative < 0.3 && !chosenIsWhole
                && tempoPrior(faster->bpm) >= 0.8 && lowRuns) {
                octaveMargin = std::min(octaveMargin, 0.3);
                chosen = faster;
                continue;
            }
        }
        // A line played on this grid's beats and 8ths and nothing else (its onsets fill them: informative) runs in 8ths
        // here, its downbeats accented as lines are (off-beats at 0.6-0.8 of the beats): the same tie. A line of 8ths at
        // twice this tempo puts half its notes between these 8ths: in-sample lines whose truth is a faster reading of
        // 160 BPM or more (where the tie can apply) measure informative 0.19-0.33 here.
        const bool runningEighths = !halfTempo && sub.informative >= 0.8 && sub.ratio >= kMinAccentedOffBeats
                                    && meanPolyphony(features.chroma) < kMaxLinePolyphony;
        if ((evenLine || runningEighths) && tonal && faster->prior <= chosen->prior && !fasterIsWhole)
            break;
        if (evidence <= threshold && !halfTempo)
            break;
        chosen = faster;
    }

    // A pitched line with no drum pattern to read: its harmony changes once a bar, most often. The most bars (a member
    // of the family, a multiple of 4 beats) at which it changes at every bar line and never inside a bar set the
    // octave the subdivisions left to the priors. Lines, and chords held through a loop that repeats nothing measurable
    // (a pad counted rhythmic only for its few clear attacks), as in the held path: a chord loop with a groove changes
    // every two beats about as often, and would pass at twice its bars (the bench library's chord loops do).
    const bool heldChords = strongest < kRhythmicRepeats;
    if (!unpitched && !drumPatternSpoke && (meanPolyphony(features.chroma) < kMaxLinePolyphony || heldChords)) {
        const Candidate* barWise = nullptr;
        for (int beats = slowest; find(beats) != nullptr; beats *= 2)
            if (beats % 4 == 0 && detail::changesEveryBar(features.chroma, beats / 4))
                barWise = find(beats);
        if (barWise != nullptr) {
            octaveMargin = barWise == chosen ? octaveMargin : std::min(octaveMargin, 0.4);
            chosen = barWise;
        }
    }

    // A hint settles octave questions and near-ties, never overrides clear evidence. A bare number (an index, a take)
    // fits some candidate about one time in five, so it may only settle an octave the audio left unclear; one marked
    // as a tempo ("120bpm") or a pack folder's may settle any.
    double hintBonus = 0.0;
    if (hint) {
        const Candidate* hinted = find(hintBeats);
        const bool marked = isMarkedTempo(nameHint, hinted);
        const bool unclearOctave = octaveMargin < kClearOctave || marked;
        if (hinted != nullptr && ((octaveRelated(hintBeats, chosen->beats) && unclearOctave) || hinted->score >= 0.6 * root.score)) {
            hintBonus = hinted == chosen ? 0.15 : 0.0;
            chosen = hinted;
            octaveMargin = std::max(octaveMargin, 0.5);
        } else if (hinted != nullptr) {
            hintBonus = -0.1;
        }
    }

    // Confidence: how clearly the loop repeats at the beat, how far ahead of other families the
    // chosen one is, and how clear-cut the half/double-time choice was.
    double runnerUp = 0.0;
    for (const auto& c : candidates)
        if (!octaveRelated(c.beats, root.beats))
            runnerUp = std::max(runnerUp, c.score);
    const double periodicity = clamp01((strongest - kRhythmicRepeats) / 5.0);
    const double familyMargin = clamp01(1.0 - runnerUp / std::max(root.score, 1e-9));
    const double confidence = 0.2 + 0.3 * periodicity + 0.25 * familyMargin + 0.25 * clamp01(octaveMargin) + hintBonus;
    return makeEstimate(*chosen, confidence);
}

} // namespace loopmind::analysis
