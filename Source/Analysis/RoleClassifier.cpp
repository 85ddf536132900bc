// Role of a loop (drums, bass, chords, melody, fx, vocal) from a handful of audio features, with
// words in the file or folder name as a secondary hint. Each role gets a 0..1 score from the
// features; the name adds a bonus; the best score wins when it is clear enough.
#include "Analysis/AnalysisCommon.h"
#include "Analysis/Chroma.h"
#include "Analysis/LoopFeatures.h"
#include "Analysis/NameHints.h"
#include "Analysis/NoteOnsets.h"
#include "Analysis/OnsetNoise.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis {
namespace {
using detail::clamp01;

constexpr double kLowHz = 150.0;
constexpr double kLowishHz = 200.0;
constexpr double kHintBonus = 0.3;  // enough to settle a close call, not to overrule clear audio
constexpr double kMinScore = 0.3;   // below: no role is convincing
constexpr double kNoteShareFloor = 0.7; // drum loops stay below (at most 0.68 on the in-sample instrument set)
constexpr double kShortTonalFloor = 0.35; // drum kits stay below (0.32 at the 95th percentile in-sample)
constexpr double kPeriodicityFloor = 0.8; // drum kits stay below (at most 0.796 in-sample, hand claps and an 808 kit)
constexpr double kHarmonicityFloor = 0.06; // drum kits and hand percussion stay below (at most 0.038 in-sample)

enum Role { Drums, Bass, Chords, Melody, Fx, Vocal, RoleCount };
const char* const kRoleNames[RoleCount] = { "drums", "bass", "chords", "melody", "fx", "vocal" };

struct Features {
    double lowRatio = 0.0;     // share of energy below 150 Hz
    double flatness = 0.0;     // spectral flatness 150 Hz-8 kHz, energy-weighted: ~0 tones, ~0.5 white noise
    double depthDb = 0.0;      // typical level swing within 0.2 s: ~1 dB for pads, swells and noise, 10+ for hits
    double tonalness = 0.0;    // share of 50 Hz-5 kHz energy in lasting sinusoids
    double polyphony = 0.0;    // pitch classes sounding together, averaged over pitched frames
    double pitchedShare = 0.0; // share of (non-silent) frames with at least one note
    double lowPitch = 0.0;     // share of pitched frames whose lowest note is below 150 Hz
    double lowishPitch = 0.0;  // the same below 200 Hz (G3): a bass line played high still lives there
    double highDepthDb = 0.0;  // depthDb of the energy above 150 Hz alone: snares and hats over an 808's boom
    double highFlatness = 0.0; // flatness weighted by the energy above 150 Hz (not by the boom's)
    double highShare = 0.0;    // share of energy above 150 Hz
    double noteShare = 0.0;    // share of 100 Hz-2 kHz energy in peaks held from hop to hop: notes, even staccato ones
    double lowPeriodicity = 0.0; // how periodic the sound below ~1 kHz is: ~0.9 for notes, ~0.5-0.8 for drum kits
    double singleNote = 0.0;   // energy share of 46 ms frames with one clear period: one note at a time
    double lowNote = 0.0;      // ... whose period is a note below G3
    double shortTonalness = 0.0, shortPitchedShare = 0.0, shortPolyphony = 0.0; // the same on 93 ms frames
    double harmonicity = 0.0;  // share of 100 Hz-2 kHz energy in partials lined up as one note's (93 ms frames)
    double notesPerOnset = 0.0; // pitch classes a note onset brings (93 ms frames): ~1 lines and arpeggios, 2-3 chords
    double restrike = 0.0;     // how alike consecutive note onsets' new pitch classes are (93 ms): ~0 arpeggios, 0.5+ chords
    double noisyAttacks = 0.0; // share of the rises above 150 Hz that are noise: 0 for notes, snares and hats more
};

/** Median level swing within +-0.1 s of the per-frame energy energyAt(n) (dB), over frames that are not near-silent. */
template <typename EnergyAt>
double medianDepthDb(int frames, EnergyAt&& energyAt, int radius)
{
    double total = 0.0;
    for (int n = 0; n < frames; ++n)
        total += energyAt(n);
    if (frames == 0 || total <= 0.0)
        return 0.0;
    const double quiet = 1e-7 * total / frames; // a floor, so digital silence between hits stays finite
    std::vector<double> depths;
    for (int n = 0; n < frames; n += std::max(1, radius / 2)) {
        double lo = energyAt(n), hi = lo;
        for (int d = -radius; d <= radius; ++d) {
            const double v = energyAt(((n + d) % frames + frames) % frames);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (hi > 0.01 * total / frames) // silence between stabs says nothing either way
            depths.push_back(10.0 * std::log10((hi + quiet) / (lo + quiet)));
    }
    if (depths.empty())
        return 0.0;
    std::nth_element(depths.begin(), depths.begin() + long(depths.size() / 2), depths.end());
    return depths[depths.size() / 2];
}

struct NoteFigures {
    double pitchedShare = 0.0, polyphony = 0.0, lowPitch = 0.0, lowishPitch = 0.0;
};

/** Per chroma frame that is not near-silent: has it a note, how many pitch classes, is the lowest one low. */
NoteFigures noteFigures(const detail::ChromaAnalysis& chroma)
{
    NoteFigures f;
    double loudest = 0.0;
    for (float e : chroma.energy)
        loudest = std::max(loudest, double(e));
    double audible = 0.0, pitched = 0.0, polyphony = 0.0, lowFrames = 0.0, lowishFrames = 0.0;
    for (size_t n = 0; n < chroma.pitchClasses.size(); ++n) {
        if (chroma.energy[n] < 1e-4 * loudest) // -40 dB: silence between notes says nothing
            continue;
        audible += 1.0;
        if (chroma.pitchClasses[n] <= 0)
            continue;
        pitched += 1.0;
        polyphony += chroma.pitchClasses[n];
        if (chroma.lowestPitchHz[n] > 0.0f && chroma.lowestPitchHz[n] < kLowHz)
            lowFrames += 1.0;
        if (chroma.lowestPitchHz[n] > 0.0f && chroma.lowestPitchHz[n] < kLowishHz)
            lowishFrames += 1.0;
    }
    f.pitchedShare = audible > 0.0 ? pitched / audible : 0.0;
    f.polyphony = pitched > 0.0 ? polyphony / pitched : 0.0;
    f.lowPitch = pitched > 0.0 ? lowFrames / pitched : 0.0;
    f.lowishPitch = pitched > 0.0 ? lowishFrames / pitched : 0.0;
    return f;
}

Features measure(const detail::LoopFeatures& loop)
{
    Features f;
    f.lowPeriodicity = loop.lowPitch.periodicity;
    f.singleNote = loop.lowPitch.singleNote;
    f.lowNote = loop.lowPitch.lowNote;
    // The onset pass's spectra (~46 ms windows on ~11.6 ms hops): fine enough to see a hit's attack and decay.
    const auto& onsets = loop.onsets;
    const auto& energy = onsets.energy;
    const int frames = int(energy.size());
    auto energyAt = [&](int n) { return double(energy[size_t(n)]); };
    // Energy below and above 150 Hz per frame (the low band never exceeds the whole, rounding aside).
    auto lowAt = [&](int n) { return std::min(energyAt(n), double(onsets.lowEnergy[size_t(n)])); };
    auto highAt = [&](int n) { return energyAt(n) - lowAt(n); };
    double total = 0.0, low = 0.0, flatSum = 0.0, highFlatSum = 0.0;
    for (int n = 0; n < frames; ++n) {
        const double e = energyAt(n), l = lowAt(n);
        total += e;
        low += l;
        flatSum += double(onsets.flatness[size_t(n)]) * e;
        highFlatSum += double(onsets.flatness[size_t(n)]) * (e - l);
    }
    if (total <= 0.0)
        return f;
    f.lowRatio = clamp01(low / total);
    f.flatness = clamp01(flatSum / total);
    f.highShare = clamp01((total - low) / total);
    f.highFlatness = total - low > 0.0 ? clamp01(highFlatSum / (total - low)) : 0.0;
    // Percussive sound rises and falls steeply on a short scale, whatever the loop does over bars: a
    // riser swells from silence, yet within any 0.2 s its level barely moves; a hit decays by 10 dB.
    const int radius = std::max(2, int(std::lround(0.1 * onsets.framesPerSecond)));
    f.depthDb = medianDepthDb(frames, energyAt, radius);
    f.highDepthDb = medianDepthDb(frames, highAt, radius);
    double note = 0.0, band = 0.0;
    for (size_t n = 0; n < onsets.noteEnergy.size(); ++n) {
        note += onsets.noteEnergy[n];
        band += onsets.noteBandEnergy[n];
    }
    f.noteShare = band > 0.0 ? clamp01(note / band) : 0.0;
    f.noisyAttacks = detail::noisyAttackShare(onsets);

    const auto notes = noteFigures(loop.chroma);
    f.tonalness = loop.chroma.tonalness;
    f.pitchedShare = notes.pitchedShare;
    f.polyphony = notes.polyphony;
    f.lowPitch = notes.lowPitch;
    f.lowishPitch = notes.lowishPitch;
    const auto shortNotes = noteFigures(loop.shortNotes);
    f.shortTonalness = loop.shortNotes.tonalness;
    f.shortPitchedShare = shortNotes.pitchedShare;
    f.shortPolyphony = shortNotes.polyphony;
    f.harmonicity = loop.shortNotes.harmonicity;
    f.notesPerOnset = detail::notesPerOnset(loop.shortNotes);
    f.restrike = detail::restrikeSimilarity(loop.shortNotes);
    return f;
}

std::array<double, RoleCount> scoreRoles(const Features& f, bool hasTempo)
{
    std::array<double, RoleCount> s {};
    // Lasting chroma notes, or (plucks, stabs, staccato bass: too short for the chroma's 186 ms frames) sharp
    // spectral peaks held from one 11.6 ms hop to the next, which drums' noise and falling kick sweeps lack.
    // Or a waveform that repeats period after period below 1 kHz with no noise above: bass notes and stabs too
    // short for either (drum kits stay below 0.8 periodicity; their snares and hats are noisy).
    const double noiseOnTop = clamp01((f.highFlatness - 0.015) / 0.015); // hats, snares, shakers: drum kits reach 0.02+
    // But a kick's boom is a falling sine sweep: periodic below 1 kHz, yet no pitch held for 93 ms and no partial series.
    // Every in-sample bass, chord and melody loop lines up at least 0.028 of its band as one note's partials (bass loops
    // holding a pitch in under a fifth of the 93 ms frames: 0.028-0.29); drum kits whose boom reads as periodic: 0.000.
    // A sine sub bass has no partials either, but it holds each note's pitch (the 93 ms chroma sees it).
    const double kickBoom = (1.0 - clamp01((f.harmonicity - 0.01) / 0.02)) * (1.0 - clamp01((f.shortPitchedShare - 0.1) / 0.2));
    const double periodic = clamp01((f.lowPeriodicity - kPeriodicityFloor) / 0.08) * (1.0 - noiseOnTop) * (1.0 - kickBoom);
    // Or partials that stand clear in 93 ms frames: chord stabs and plucks too short for the 186 ms chroma.
    const double shortNotes = clamp01((f.shortTonalness - kShortTonalFloor) / 0.25) * clamp01(f.shortPitchedShare / 0.6) * (1.0 - noiseOnTop);
    // Or partials at whole multiples of one fundamental: a slap bass's thump and a brass stab's wavering breath
    // hide its notes from the tests above, yet its partials still line up; a drum's membrane modes and noise do not.
    // Fully tonal at twice the floor: slap lines line up 0.11-0.34 of the band, and halfway there let the slap's
    // percussive level swing score it as drums.
    const double harmonic = clamp01((f.harmonicity - kHarmonicityFloor) / kHarmonicityFloor);
    const double tonal = std::max({ clamp01((f.tonalness - 0.2) / 0.4) * clamp01(f.pitchedShare / 0.5),
                                    clamp01((f.noteShare - kNoteShareFloor) / 0.2), periodic, shortNotes, harmonic });
    const double noisy = 1.0 - tonal;
    const double percussive = clamp01((f.depthDb - 3.0) / 6.0);
    // One line at a time, mostly below G3: a bass line, even when it sits above 150 Hz.
    const double monoLow = f.polyphony < 1.4 ? clamp01((f.lowishPitch - 0.5) / 0.3) : 0.0;
    // The chroma counts a clarinet's strong odd partials and legato overlaps as extra notes; one clear period
    // above G3 frame after frame is one note at a time, however many partials it has.
    // (An arpeggio's ringing notes overlap, yet its newest note mostly owns the period.)
    const double oneHighNote = clamp01((f.singleNote - 0.6) / 0.15) * (1.0 - clamp01((f.lowNote - 0.3) / 0.2));
    // One voice, in any register: one clear period in nearly every frame and partials that hold still from hop to hop. A
    // chord's notes beat against each other (and ensemble patches' detuned voices chorus), so its peaks waver: in-sample
    // chord loops hold at most 0.66 of their 100 Hz-2 kHz energy in held peaks, leads with one clear period 0.72-1.0 (a
    // tenor sax, whose low notes below G3 keep oneHighNote off, 0.97-0.99).
    const double oneVoice = clamp01((f.noteShare - 0.7) / 0.15) * clamp01((f.singleNote - 0.85) / 0.1);
    // Stabs' notes may only stand clear in the short frames, so the larger count of the two chromas.
    // Notes that start one at a time are an arpeggio or a line, however long they ring together afterwards (a harp's or
    // a vibraphone's broken chord): in-sample arpeggios bring 1.0-1.65 pitch classes per onset, chord stabs 1.44-3.1
    // (2.1 and more for most), pads 1.57-2.3; from 1.45 down, clearly one at a time.
    // Fast ringing arpeggios bring up to 1.76 pitch classes per 93 ms frame (two notes in one frame), but each onset
    // moves on to other pitch classes, where a chord is struck again on the same ones: in-sample arpeggios' consecutive
    // onsets are alike at most 0.53 (0.29 at the 90th percentile), struck chords bringing under 1.9 pitch classes at
    // 0.6-0.69. Pads' slow swells can look alike or not (0.16-0.7), but they are held (at most 5.1 dB of level swing).
    const double movingOnsets = clamp01((0.45 - f.restrike) / 0.15) * clamp01((1.9 - f.notesPerOnset) / 0.2)
                                * clamp01((f.depthDb - 5.5) / 1.5);
    const double oneAtATime = f.notesPerOnset > 0.0 ? std::max(clamp01((1.45 - f.notesPerOnset) / 0.25), movingOnsets) : 0.0;
    // And the converse: onsets that each bring several new pitch classes at once are struck chords, however few of
    // them the chromas hold between onsets (an EP stab's short notes): in-sample leads and arpeggios bring at most
    // 1.93 pitch classes per onset, most chord stabs 2.1-4.5; from 2.4 up, clearly several at once.
    const double severalAtOnce = clamp01((f.notesPerOnset - 2.1) / 0.3);
    // One line is one note at a time, so one clear period in most frames (in-sample leads and arpeggios: 0.63-1.0 of
    // their energy); pitched material with a clear period in under a third of its frames, the chromas seeing more
    // than one pitch class, sounds several notes together: a brass section's stab, whose notes beat against each other.
    // Unless its notes start one at a time: a ringing arpeggio's overlapping notes blur its periods too (harp and banjo
    // arpeggios hold only 0.63-0.64 of their energy in one clear period).
    const double noSinglePeriod = clamp01((0.5 - f.singleNote) / 0.15) * clamp01((std::max(f.polyphony, f.shortPolyphony) - 1.4) / 0.3)
                                  * (1.0 - oneAtATime);
    const double chordal = std::max({ clamp01((std::max(f.polyphony, f.shortPolyphony) - 1.6) / 1.0) * (1.0 - std::max(oneHighNote, oneVoice))
                                          * (1.0 - oneAtATime),
                                      severalAtOnce, noSinglePeriod });
    // A low lowest note under a chord with little energy down there is the chord's root (a guitar's E2), not a
    // bass; a synth bass's harmonics also read as a chord, but its energy sits low.
    const double rootOnly = chordal * (1.0 - clamp01(f.lowRatio / 0.3));
    const double lowLine = std::max(clamp01((f.lowPitch - 0.4) / 0.4), monoLow) * (1.0 - rootOnly);
    // Notes below G3 with some energy down there, seen period by period: staccato lines the chroma misses.
    const double periodicLow = clamp01((f.lowNote - 0.3) / 0.25) * clamp01((f.lowRatio - 0.05) / 0.15);
    // Several notes at once that never repeat as one waveform: a chord, however low its energy (an organ pad's
    // 16-foot stop, a warm pad's root). Bass lines, even ones whose harmonics the chroma splits, are one period.
    // Held, as its name says: a line of struck notes in a groove (a slap bass, whose thump and partials the chroma splits
    // into three or more pitch classes) is not one. (A struck chord one-shot has no tempo and stays a chord.)
    const double struckInGroove = hasTempo ? clamp01((f.depthDb - 9.0) / 6.0) : 0.0;
    // A chord held at an even level (a bowed or swelling pad whose root sits an octave below) repeats as one waveform
    // too, at its root's period; a bass line never holds still like that: in-sample bass lines swing at least 4 dB
    // within 0.2 s, pads and drones 0.7-5.1 dB. Under 3 dB the one period no longer excuses the chord.
    const double heldLevel = clamp01((4.0 - f.depthDb) / 1.0);
    const double heldChord = clamp01((f.polyphony - 2.2) / 0.4) * (1.0 - clamp01((f.singleNote - 0.3) / 0.2) * (1.0 - heldLevel))
                             * (1.0 - struckInGroove);
    // A struck line (its level swings within 0.2 s, unlike a pad) with one clear period below G3 in most frames and
    // some energy below 150 Hz: a picked or finger bass whose fundamental is weak next to its bright attack. A chord
    // stab's triad also repeats at a low common period, but played above C3 it leaves nothing below 150 Hz.
    const double struckLowLine = clamp01((f.lowNote - 0.7) / 0.1) * clamp01((f.singleNote - 0.75) / 0.1)
                                 * clamp01((f.lowRatio - 0.05) / 0.03) * clamp01((f.depthDb - 6.0) / 3.0);
    // Energy down there at all is the bass register's: chords and melodies voiced above C3 leave at most 0.13 of it
    // below 150 Hz in-sample (a pad's root an octave below), unless a held chord's root or an organ's 16-foot stop
    // sits there (0.23-0.79, all held chords, excused above); bass lines whose notes the chroma and the periods miss (a
    // slap's thump) hold 0.35-0.65. From 0.2 up it counts, fully from 0.35.
    const double lowEnergy = clamp01((f.lowRatio - 0.2) / 0.15);
    // A struck line, one clear period at a time, whose lowest note sits below 150 Hz (D3) in a fair share of its pitched
    // frames: a bass line however weak its fundamental (a bassoon's, whose partials the chroma reads as a triad). In-sample
    // leads, arpeggios and stabs have a note that low in at most 0.04 of their frames, bass lines like that 0.19-1.0;
    // pads and drones do (their root an octave below), but they are held (level swings of at most 5.1 dB, not 6-9+).
    const double struckLowestLine = clamp01((f.lowPitch - 0.1) / 0.15) * clamp01((f.singleNote - 0.85) / 0.1)
                                    * clamp01((f.depthDb - 6.0) / 3.0);
    const double low = std::max({ lowEnergy, lowLine, periodicLow, struckLowLine, struckLowestLine }) * (1.0 - heldChord);
    // Deep, noisy hits above 150 Hz (snares, hats) over a tonal low boom: a beat with an 808 kick, not a bass
    // line, however much of the energy the boom holds. Bass notes swing less up there, and their tops are harmonic.
    // Very deep hits up there need less noise when the boom holds most of the energy (a dusty, filtered kit over an
    // 808), since the boom's clean periods now read as notes.
    // Hits up there whose partials line up are the bass note's own attack (a slap, a hard pick), not a snare.
    // But when a good share of the attacks up there are themselves noise bursts, they are snares and hats however well
    // the boom's partials line up (a saturated 808): in-sample no bass, chord or melody loop has more than 0.08 of its
    // attack energy in noise, the 808 beats 0.44-0.56; the level must swing up there too (hits, not a noise texture).
    const double noisyHits = clamp01((f.noisyAttacks - 0.2) / 0.15) * clamp01((f.highDepthDb - 6.0) / 6.0);
    const double hitsOnTop = f.highShare > 0.003
        ? std::max(std::max(clamp01((f.highDepthDb - 10.0) / 8.0) * clamp01((f.highFlatness - 0.04) / 0.03),
                            clamp01((f.highDepthDb - 20.0) / 8.0) * clamp01((f.highFlatness - 0.01) / 0.005) * clamp01((f.lowRatio - 0.3) / 0.2))
                       * (1.0 - harmonic),
                   noisyHits)
        : 0.0;

    s[Drums] = std::max(noisy * (0.3 + 0.7 * percussive), hitsOnTop);
    // Sustained noise (risers, sweeps, textures) is fx; the flatter the spectrum, the surer.
    s[Fx] = noisy * (0.3 + 0.7 * (1.0 - percussive)) * (0.8 + 0.2 * clamp01(f.flatness / 0.2));
    s[Bass] = tonal * low * (1.0 - hitsOnTop);
    s[Chords] = tonal * (1.0 - low) * chordal;
    s[Melody] = tonal * (1.0 - low) * (1.0 - chordal);
    // A voice sings one line like a melody; only the name tells them apart reliably, so vocals score
    // just below melody: a "vox" or "vocal" in the name tips it.
    s[Vocal] = 0.8 * s[Melody];
    return s;
}

bool isWord(const std::string& token, std::initializer_list<const char*> words)
{
    for (const char* w : words) {
        const std::string word(w);
        if (token == word || token == word + "s")
            return true;
    }
    return false;
}

int roleFromTokens(const std::vector<std::string>& tokens)
{
    for (const auto& t : tokens) {
        if (isWord(t, { "kick", "snare", "hat", "hihat", "drum", "perc", "percussion", "beat", "top", "clap", "break", "shaker", "cymbal",
                        "breakbeat", "bd", "sd", "sn", "hh", "tom", "rim", "ride", "crash", "tabla", "conga", "bongo" }))
            return Drums;
        if (isWord(t, { "bass", "sub", "808", "bassline" }))
            return Bass;
        if (isWord(t, { "chord", "pad", "keys", "rhodes", "piano", "stab", "organ" }))
            return Chords;
        if (isWord(t, { "lead", "melody", "arp", "pluck", "synth", "flute", "bell" }))
            return Melody;
        if (isWord(t, { "fx", "sfx", "riser", "sweep", "impact", "noise", "uplifter", "downlifter", "whoosh" }))
            return Fx;
        if (isWord(t, { "vox", "vocal", "voice", "acapella" }))
            return Vocal;
    }
    return -1;
}

/** The file name speaks first; the folder only when the file name has no role word. */
int hintedRole(const std::string& nameHint)
{
    const auto slash = nameHint.find_last_of("/\\");
    const std::string file = slash == std::string::npos ? nameHint : nameHint.substr(slash + 1);
    const int fromFile = roleFromTokens(detail::nameTokens(file));
    if (fromFile >= 0 || slash == std::string::npos)
        return fromFile;
    return roleFromTokens(detail::nameTokens(nameHint.substr(0, slash)));
}
} // namespace

RoleEstimate detail::classifyRole(const detail::LoopFeatures& loop, const TempoEstimate& audioOnlyTempo, const std::string& nameHint)
{
    RoleEstimate estimate;
    float peak = 0.0f;
    for (float s : loop.mono)
        peak = std::max(peak, std::abs(s));
    if (peak < 1e-5f)
        return estimate; // silence (or nothing at all) has no role

    const auto features = measure(loop);
    auto scores = scoreRoles(features, audioOnlyTempo.bpm.has_value());
    // Longer than a one-shot yet with no tempo at all: an arrhythmic texture (crackle, pings, wind) is fx,
    // however percussive or tonal its grains are. A held note or chord (tonal, barely moving) has no tempo
    // either, and stays what it sounds like.
    const bool heldTone = features.depthDb < 6.0 && features.tonalness > 0.5 && features.pitchedShare > 0.5;
    if (loop.seconds >= 2.0 && !audioOnlyTempo.bpm && !heldTone) {
        const double best = *std::max_element(scores.begin(), scores.end());
        scores[Fx] = std::max(scores[Fx], best + 0.05);
    }
    const int hinted = hintedRole(nameHint);
    if (hinted >= 0)
        scores[size_t(hinted)] += kHintBonus;
    // A low, mostly tonal hit is a kick (808, tom, tabla's bayan) or a bass note alike: the sound cannot tell
    // them apart, so when the audio weighs drums against bass and the name says which, the name decides.
    if ((hinted == Drums || hinted == Bass) && features.lowRatio > 0.5) {
        const int other = hinted == Drums ? Bass : Drums;
        if (scores[size_t(other)] > scores[size_t(hinted)] && scores[size_t(other)] >= *std::max_element(scores.begin(), scores.end()))
            scores[size_t(hinted)] = scores[size_t(other)] + 0.05;
    }

    int best = 0;
    for (int r = 1; r < RoleCount; ++r)
        if (scores[size_t(r)] > scores[size_t(best)])
            best = r;
    double second = 0.0;
    for (int r = 0; r < RoleCount; ++r)
        if (r != best)
            second = std::max(second, scores[size_t(r)]);

    const double top = std::min(1.0, scores[size_t(best)]);
    estimate.confidence = clamp01(0.5 * top + 0.5 * clamp01((scores[size_t(best)] - second) / 0.4));
    if (scores[size_t(best)] < kMinScore)
        return estimate;
    estimate.role = kRoleNames[best];
    return estimate;
}

} // namespace loopmind::analysis
