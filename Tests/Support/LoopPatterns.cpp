#include "Support/LoopPatterns.h"
#include <algorithm>
#include <array>
#include <cmath>

namespace loopmind::test {
namespace {
constexpr std::array<int, 7> kMajor { 0, 2, 4, 5, 7, 9, 11 };
constexpr std::array<int, 7> kMinor { 0, 2, 3, 5, 7, 8, 10 };

/** Scale degree (0-based, may exceed 6: next octave) to semitones above the tonic. */
int degree(bool minor, int d)
{
    const auto& scale = minor ? kMinor : kMajor;
    return scale[size_t(d % 7)] + 12 * (d / 7);
}

/** One chord (scale degree of its root) per bar: common progressions, the tonic first as loops usually start. */
std::vector<int> progression(bool minor, int bars, PatternRng& rng)
{
    static const std::vector<std::vector<int>> major { { 0, 4, 5, 3 }, { 0, 3, 4, 0 }, { 0, 5, 3, 4 }, { 0, 3, 0, 4 } };
    static const std::vector<std::vector<int>> minorP { { 0, 5, 2, 6 }, { 0, 3, 4, 0 }, { 0, 6, 5, 6 }, { 0, 3, 0, 4 } };
    const auto& pool = minor ? minorP : major;
    const auto& p = pool[size_t(rng.below(int(pool.size())))];
    std::vector<int> out;
    for (int b = 0; b < bars; ++b)
        out.push_back(p[size_t(b % 4)]);
    return out;
}

/** Triad tones (semitones above the tonic) of the chord on scale degree d. */
std::array<int, 3> triad(bool minor, int d) { return { degree(minor, d), degree(minor, d + 2), degree(minor, d + 4) }; }

int velocity(PatternRng& rng, bool accent) { return std::clamp(int(std::lround((accent ? 100 : 82) + rng.between(-8, 8))), 30, 127); }

std::vector<NoteEvent> bassLine(PitchedKind kind, int tonic, bool minor, int beats, PatternRng& rng)
{
    const int root = 33 + (tonic + 3) % 12; // A1..G#2: where bass lines sit
    const int bars = std::max(1, beats / 4);
    const auto chords = progression(minor, bars, rng);
    std::vector<NoteEvent> notes;
    // A staccato line picks some 16ths of a one-bar rhythm (always the downbeat), repeated every bar.
    std::array<bool, 16> steps {};
    steps[0] = true;
    for (int s = 1; s < 16; ++s)
        steps[size_t(s)] = rng.chance(s % 2 == 0 ? 0.55 : 0.2);
    const double staccatoLength = rng.between(0.1, 0.2);
    for (int beat = 0; beat < beats; ++beat) {
        const int chord = chords[size_t(std::min(beat / 4, bars - 1))];
        const auto t = triad(minor, chord);
        const int chordRoot = root + t[0] - (t[0] >= 7 ? 12 : 0);
        switch (kind) {
        case PitchedKind::Bass8:
            for (int half = 0; half < 2; ++half) {
                // Mostly the root, an octave jump or the fifth / third as passing notes, the downbeat accented.
                const int r = rng.below(8);
                const int pitch = chordRoot + (r == 0 ? 12 : r == 1 ? t[2] - t[0] : r == 2 ? t[1] - t[0] : 0);
                notes.push_back({ beat + 0.5 * half, 0.45, pitch, velocity(rng, half == 0) });
            }
            break;
        case PitchedKind::BassStaccato:
            for (int s = 0; s < 4; ++s)
                if (steps[size_t((beat % 4) * 4 + s)]) {
                    const int pitch = chordRoot + (rng.chance(0.2) ? 12 : rng.chance(0.15) ? t[2] - t[0] : 0);
                    notes.push_back({ beat + 0.25 * s, staccatoLength, pitch, velocity(rng, s == 0) });
                }
            break;
        default: // off-beat: a plucked note on every "and", as house and trance bass lines go
            notes.push_back({ beat + 0.5, 0.25, chordRoot + (rng.chance(0.25) ? 12 : 0), velocity(rng, true) });
            break;
        }
    }
    return notes;
}

std::vector<NoteEvent> chordPart(PitchedKind kind, int tonic, bool minor, int beats, PatternRng& rng)
{
    const int base = 55 + (tonic + 5) % 12; // chords voiced from G3 to F#4
    const int bars = std::max(1, beats / 4);
    const auto chords = kind == PitchedKind::Drone ? std::vector<int>(size_t(bars), 0) : progression(minor, bars, rng);
    static const std::vector<std::vector<double>> stabRhythms {
        { 0.0, 1.5, 2.5 }, { 0.5, 1.5, 2.5, 3.5 }, { 0.0, 0.75, 2.0, 2.75 }, { 0.0, 1.0, 2.0, 3.0 }, { 0.0, 1.75, 3.0 } };
    const auto& rhythm = stabRhythms[size_t(rng.below(int(stabRhythms.size())))];
    const double stabLength = rng.between(0.12, 0.3);
    std::vector<NoteEvent> notes;
    for (int bar = 0; bar < bars; ++bar) {
        const auto t = triad(minor, chords[size_t(bar)]);
        std::vector<int> voicing { base + t[0], base + t[1], base + t[2] };
        if (kind != PitchedKind::Stab)
            voicing.push_back(base + t[0] - 12); // pads and drones are fuller, with the root below
        for (int& p : voicing)
            p -= p > base + 12 ? 12 : 0;
        if (kind == PitchedKind::Stab) {
            for (double pos : rhythm)
                for (int p : voicing)
                    notes.push_back({ bar * 4.0 + pos, stabLength, p, velocity(rng, pos == 0.0) });
        } else if (kind == PitchedKind::Drone) {
            if (bar == 0)
                for (int p : voicing)
                    notes.push_back({ 0.0, double(beats), p, 80 });
        } else {
            for (int p : voicing)
                notes.push_back({ bar * 4.0, 4.0, p, 80 });
        }
    }
    return notes;
}

std::vector<NoteEvent> melodyPart(PitchedKind kind, int tonic, bool minor, int beats, PatternRng& rng)
{
    const int base = 60 + tonic % 12 - (tonic >= 7 ? 12 : 0) + 12 * (kind == PitchedKind::Arp ? 0 : 1) - 7;
    const int bars = std::max(1, beats / 4);
    const auto chords = progression(minor, bars, rng);
    std::vector<NoteEvent> notes;
    if (kind == PitchedKind::Arp) {
        const double step = rng.chance(0.6) ? 0.25 : 0.5;
        const bool upDown = rng.chance(0.5);
        for (int bar = 0; bar < bars; ++bar) {
            const auto t = triad(minor, chords[size_t(bar)]);
            const std::array<int, 6> up { t[0], t[1], t[2], t[0] + 12, t[1] + 12, t[2] + 12 };
            const int per = int(std::lround(4.0 / step));
            for (int i = 0; i < per; ++i) {
                const int k = upDown ? (i % 10 < 6 ? i % 10 : 10 - i % 10) : i % 6;
                notes.push_back({ bar * 4.0 + i * step, step * 0.85, base + 7 + up[size_t(k)], velocity(rng, i % int(1.0 / step) == 0) });
            }
        }
        return notes;
    }
    // A lead: a phrase of quarters, 8ths and dotted notes over the scale, chord tones on the beats.
    static const std::vector<std::vector<double>> rhythms {
        { 1.0, 0.5, 0.5, 1.0, 1.0 }, { 0.5, 0.5, 0.5, 0.5, 1.0, 1.0 }, { 1.5, 0.5, 1.0, 1.0 }, { 0.75, 0.75, 0.5, 1.0, 1.0 } };
    int d = 7; // the tonic an octave up, as scale degrees
    for (int bar = 0; bar < bars; ++bar) {
        const auto& r = rhythms[size_t(rng.below(int(rhythms.size())))];
        const int chordRoot = chords[size_t(bar)];
        double pos = 0.0;
        for (size_t i = 0; i < r.size(); ++i) {
            if (pos == 0.0 || pos == 2.0)
                d = 7 + chordRoot + 2 * rng.below(3); // a chord tone on strong beats
            else
                d = std::clamp(d + (rng.chance(0.5) ? 1 : -1) * (1 + rng.below(2)), 3, 13);
            if (bar == 0 && i == 0)
                d = 7;
            notes.push_back({ bar * 4.0 + pos, r[i] * 0.9, base + 7 + degree(minor, d) - 12, velocity(rng, pos == 0.0) });
            pos += r[i];
        }
    }
    return notes;
}
} // namespace

std::vector<NoteEvent> pitchedPattern(PitchedKind kind, int tonic, bool minor, int beats, PatternRng& rng)
{
    switch (kind) {
    case PitchedKind::Bass8:
    case PitchedKind::BassStaccato:
    case PitchedKind::BassOffbeat: return bassLine(kind, tonic, minor, beats, rng);
    case PitchedKind::Stab:
    case PitchedKind::Pad:
    case PitchedKind::Drone: return chordPart(kind, tonic, minor, beats, rng);
    default: return melodyPart(kind, tonic, minor, beats, rng);
    }
}

std::vector<DrumHit> drumPattern(DrumKind kind, int beats, PatternRng& rng)
{
    std::vector<DrumHit> hits;
    auto add = [&](double beat, DrumVoice v, float gain) { hits.push_back({ beat, v, gain * float(rng.between(0.85, 1.0)) }); };
    const bool sixteenthHats = rng.chance(0.4);
    if (kind == DrumKind::SparsePerc) {
        // A few hand-percussion hits on a bar's grid, repeated every bar: two to four hits a bar.
        std::vector<double> slots { 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 0.75, 2.75 };
        const int count = 2 + rng.below(3);
        std::vector<std::pair<double, DrumVoice>> bar { { 0.0, PercA } };
        for (int i = 1; i < count; ++i)
            bar.push_back({ slots[size_t(1 + rng.below(int(slots.size()) - 1))], DrumVoice(PercA + rng.below(3)) });
        for (int b = 0; b < beats; b += 4)
            for (auto [pos, v] : bar)
                add(b + pos, v, v == PercA ? 1.0f : 0.7f);
        return hits;
    }
    for (int beat = 0; beat < beats; ++beat) {
        const int inBar = beat % 4;
        // Hats: 8ths or 16ths, the off-beats a little softer.
        const int hatSteps = kind == DrumKind::BoomBap ? 2 : sixteenthHats || kind == DrumKind::HipHop || kind == DrumKind::Trap ? 4 : 2;
        for (int s = 0; s < hatSteps; ++s)
            add(beat + double(s) / hatSteps, ClosedHat, s == 0 ? 0.5f : 0.35f);
        switch (kind) {
        case DrumKind::Rock:
            if (inBar == 0 || inBar == 2) add(beat, Kick, 1.0f);
            if (inBar == 2 && rng.chance(0.5)) add(beat + 0.5, Kick, 0.8f);
            if (inBar == 1 || inBar == 3) add(beat, Snare, 0.9f);
            break;
        case DrumKind::FourFloor:
            add(beat, Kick, 1.0f);
            add(beat + 0.5, OpenHat, 0.45f);
            if (inBar == 1 || inBar == 3) add(beat, Snare, 0.8f);
            break;
        case DrumKind::HalfTime: // snare on the 3rd beat, syncopated kicks
            if (inBar == 0) { add(beat, Kick, 1.0f); add(beat + 0.75, Kick, 0.7f); }
            if (inBar == 2) add(beat, Snare, 1.0f);
            if (inBar == 3 && rng.chance(0.5)) add(beat + 0.5, Kick, 0.8f);
            break;
        case DrumKind::Breakbeat:
            if (inBar == 0) add(beat, Kick, 1.0f);
            if (inBar == 1 || inBar == 3) add(beat, Snare, 0.9f);
            if (inBar == 2) { add(beat + 0.5, Kick, 0.9f); add(beat + 0.25, Kick, 0.6f); }
            if (inBar == 3) add(beat + 0.75, Snare, 0.35f);
            break;
        case DrumKind::DrumAndBass: // at 165-180: kick 1 and the "and" of 3, snare on 2 and 4
            if (inBar == 0) add(beat, Kick, 1.0f);
            if (inBar == 2) add(beat + 0.5, Kick, 0.9f);
            if (inBar == 1 || inBar == 3) add(beat, Snare, 1.0f);
            break;
        case DrumKind::DrumAndBassBusy: // kick 1 and its "and", snare 2 and 4 with ghost notes, kick on the "and" of 3
            if (inBar == 0) { add(beat, Kick, 1.0f); if (rng.chance(0.5)) add(beat + 0.5, Kick, 0.7f); }
            if (inBar == 1 || inBar == 3) { add(beat, Snare, 1.0f); add(beat + 0.75, Snare, 0.3f); }
            if (inBar == 2) { add(beat + 0.5, Kick, 0.9f); if (rng.chance(0.5)) add(beat + 0.75, Kick, 0.6f); }
            break;
        case DrumKind::BoomBap: // at 66-95: kick 1, the "a" of 1 or the "and" of 2, kicks around 3, snare on 2 and 4
            if (inBar == 0) { add(beat, Kick, 1.0f); if (rng.chance(0.5)) add(beat + 0.5, Kick, 0.6f); }
            if (inBar == 1) { add(beat, Snare, 1.0f); if (rng.chance(0.5)) add(beat + 0.5, Kick, 0.8f); }
            if (inBar == 2) { add(beat + 0.25, Kick, 0.8f); if (rng.chance(0.5)) add(beat + 0.75, Kick, 0.6f); }
            if (inBar == 3) add(beat, Snare, 1.0f);
            break;
        case DrumKind::Trap: // at 66-80: snare (clap) on 2 and 4, syncopated 16th kicks, 16th hats with 32nd rolls
            if (inBar == 0) { add(beat, Kick, 1.0f); add(beat + 0.75, Kick, 0.8f); }
            if (inBar == 1 || inBar == 3) add(beat, Snare, 1.0f);
            if (inBar == 2) { add(beat + 0.5, Kick, 0.9f); if (rng.chance(0.5)) add(beat + 0.75, Kick, 0.7f); }
            if (inBar == 3 && rng.chance(0.5)) add(beat + 0.5, Kick, 0.7f);
            if (rng.chance(0.25)) // a hat roll: 32nds over the second half of the beat
                for (int s = 0; s < 4; ++s) add(beat + 0.5 + s * 0.125, ClosedHat, 0.3f);
            break;
        default: // hip-hop at 65-80: boom-bap with 16th hats
            if (inBar == 0) { add(beat, Kick, 1.0f); add(beat + 0.75, Kick, 0.7f); }
            if (inBar == 2) add(beat + 0.5, Kick, 0.9f);
            if (inBar == 1 || inBar == 3) add(beat, Snare, 1.0f);
            break;
        }
    }
    return hits;
}

double swungBeat(double beat, double swing)
{
    const double whole = std::floor(beat), frac = beat - whole;
    // Positions in the first half of the beat stretch to `swing`, the second half compresses.
    return whole + (frac < 0.5 ? frac / 0.5 * swing : swing + (frac - 0.5) / 0.5 * (1.0 - swing));
}

} // namespace loopmind::test
