// "Boom Bap 92 F major": swung, dusty drums and an I-vi-IV-V (Fmaj7-Dm7-Bbmaj7-C7) progression, 48 kHz.
#include "Effects.h"
#include "Packs.h"
#include "Voices.h"

namespace loopmind::demogen {
namespace {

constexpr int kBpm = 92;
constexpr int kRate = 48000;
constexpr double kSwing = 0.57;
const char* const kFolder = "Boom Bap 92 F major";

// One chord per bar, every note in F major: Fmaj7, Dm7, Bbmaj7, C7.
const double kChords[4][4] = {{53, 57, 60, 64}, {53, 57, 60, 62}, {53, 57, 58, 62}, {52, 55, 58, 60}};
const double kRoots[4] = {41, 38, 34, 36};  // F2, D2, Bb1, C2
const double kFifths[4] = {36, 33, 41, 43}; // C2, A1, F2, G2: passing notes into the next bar

/** Up to a few milliseconds late ("laid back"): a player, not a sequencer. Never early, so the
    downbeat of the loop stays at sample 0. */
std::int64_t humanize(const Grid& grid, double step, Rng& rng, double ms)
{
    return grid.at(step) + std::llround(rng.unit() * ms * 0.001 * grid.sampleRate);
}

void renderDrums(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    KickParams kickTone;
    kickTone.startHz = 120.0;
    kickTone.endHz = 46.0;
    kickTone.sweepSeconds = 0.045;
    kickTone.decaySeconds = 0.22;
    kickTone.click = 0.25;
    kickTone.drive = 2.2;
    SnareParams snareTone;
    snareTone.toneHz = 175.0;
    snareTone.toneDecay = 0.07;
    snareTone.noiseHz = 1800.0;
    snareTone.noiseQ = 0.7;
    snareTone.noiseDecay = 0.14;
    snareTone.toneMix = 0.5;
    const HatParams closed{0.04, 1.0, 7000.0, 0.25};
    HatParams open{0.2, 0.0, 6000.0, 0.25};
    open.chokeSeconds = grid.length(1.8) / grid.sampleRate;

    // Two bars of 16ths: {step, velocity}.
    const double kicks[][2] = {{0, 1.0}, {7, 0.72}, {10, 0.9}, {16, 1.0}, {22, 0.68}, {26, 0.9}};
    const double snares[][2] = {{4, 0.95}, {12, 0.95}, {15, 0.17}, {20, 0.95}, {27, 0.15}, {28, 0.95}};
    for (const auto& k : kicks) kick(t, humanize(grid, k[0], rng, 2.0), k[1], kickTone, rng);
    for (const auto& s : snares) snare(t, humanize(grid, s[0], rng, 3.0), s[1], snareTone, rng);
    for (int s = 0; s < grid.steps(); s += 2) {
        const double vel = (s % 4 == 0 ? 0.42 : 0.3) + 0.05 * rng.bipolar();
        if (s % 32 == 30) hat(t, humanize(grid, s, rng, 2.0), 0.36, open, rng);
        else hat(t, humanize(grid, s, rng, 2.0), vel, closed, rng);
    }
    hat(t, humanize(grid, 11, rng, 2.0), 0.16, closed, rng); // ghost 16ths
    hat(t, humanize(grid, 29, rng, 2.0), 0.16, closed, rng);
    saturateBus(buffer, 1.6);
    reverb(buffer, grid.sampleRate, 0.6, 0.1, 4000.0);
    darken(buffer, grid.sampleRate, 9000.0); // sampled-from-vinyl dullness
}

void renderBass(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    BassParams p;
    p.square = true;
    p.cutoffHz = 170.0;
    p.envHz = 500.0;
    p.filterDecay = 0.1;
    p.sub = 0.75;
    p.drive = 1.8;
    p.attack = 0.006;
    p.release = 0.06;
    // Locks to the kick: {step, length in steps}; the last hit is a passing fifth.
    const double pattern[][2] = {{0, 5.5}, {7, 2.5}, {10, 3.5}, {14, 1.6}};
    for (int bar = 0; bar < grid.bars; ++bar)
        for (const auto& hit : pattern) {
            const bool passing = hit[0] == 14;
            const double midi = passing ? kFifths[bar % 4] : kRoots[bar % 4];
            const double vel = (hit[0] == 0 ? 0.95 : 0.8) + 0.05 * rng.unit();
            bass(t, {humanize(grid, bar * 16 + hit[0], rng, 3.0), grid.length(hit[1]), midi, vel}, p);
        }
    darken(buffer, grid.sampleRate, 2500.0);
}

void renderKeys(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    EPianoParams p;
    p.brightness = 0.9;
    p.tremoloDepth = 0.3;
    p.tremoloCycles = grid.bars * 4.0; // one auto-pan cycle per beat
    // A long chord on the one and a lazy re-hit on the "and" of three: {step, length in steps}.
    const double hits[][2] = {{0, 6.0}, {10, 5.0}};
    for (int bar = 0; bar < grid.bars; ++bar)
        for (const auto& hit : hits) {
            const double vel = (hit[0] == 0 ? 0.8 : 0.65) + 0.1 * rng.unit();
            const auto start = humanize(grid, bar * 16 + hit[0], rng, 4.0);
            int i = 0;
            for (double midi : kChords[bar % 4]) {
                // Rolled upwards by ~12 ms per note, like a relaxed player.
                const auto roll = std::llround(0.012 * i++ * grid.sampleRate);
                const Note n{start + roll, grid.length(hit[1]) - roll, midi, vel * (0.9 + 0.1 * rng.unit()), 0.0};
                ePianoNote(t, n, p);
            }
        }
    reverb(buffer, grid.sampleRate, 1.8, 0.28, 4000.0);
    darken(buffer, grid.sampleRate, 7000.0);
}

void renderLead(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    // {bar, step, MIDI note, length in steps}; F major, tonic-heavy, ending on E to lead back into F at the wrap.
    const double notes[][4] = {
        {0, 0, 77, 3}, {0, 4, 72, 2}, {0, 6, 69, 2}, {0, 8, 72, 2}, {0, 10, 77, 5},
        {1, 2, 76, 2}, {1, 4, 74, 2}, {1, 6, 72, 2}, {1, 10, 69, 2}, {1, 12, 65, 4},
        {2, 2, 70, 3}, {2, 6, 74, 2}, {2, 8, 77, 4}, {2, 12, 72, 4},
        {3, 0, 67, 4}, {3, 6, 70, 2}, {3, 8, 72, 2}, {3, 10, 76, 4},
    };
    for (const auto& n : notes) {
        const double vel = 0.75 + 0.15 * rng.unit();
        softLead(t, {humanize(grid, n[0] * 16 + n[1], rng, 5.0), grid.length(n[3] * 0.9), n[2], vel, 0.1}, rng);
    }
    pingPongEcho(buffer, grid.sampleRate, grid.length(6), 0.3, 0.18);
    reverb(buffer, grid.sampleRate, 2.0, 0.3, 5000.0);
}

} // namespace

std::vector<LoopSpec> boomBapPack()
{
    // The e-piano file name is deliberately non-ASCII with spaces (an en dash, U+2013).
    return {
        {kFolder, "Dusty Beat.wav", kBpm, 2, "none", "drums", kRate, 2, kSwing, 0x2001, renderDrums},
        {kFolder, "Warm Sub 92.wav", kBpm, 4, "F major", "bass", kRate, 1, kSwing, 0x2002, renderBass},
        {kFolder, "Rhodes Akkorde \xE2\x80\x93 F-Dur.wav", kBpm, 4, "F major", "chords", kRate, 2, kSwing, 0x2003,
         renderKeys},
        {kFolder, "Lazy Flute.wav", kBpm, 4, "F major", "melody", kRate, 2, kSwing, 0x2004, renderLead},
    };
}

} // namespace loopmind::demogen
