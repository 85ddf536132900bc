// "House 124 A minor": four-on-the-floor drums and an i-VI-III-V (Am-Fmaj7-C-E7) progression, 44.1 kHz.
// The E7 (with G#) makes every pitched loop unmistakably A minor, not its relative C major.
#include "Effects.h"
#include "Packs.h"
#include "Voices.h"

namespace loopmind::demogen {
namespace {

constexpr int kBpm = 124;
constexpr int kRate = 44100;
const char* const kFolder = "House 124 A minor";

// One chord per bar: Am, Fmaj7, C, E7. Every note is in A minor (natural, plus the G# of E7).
const double kChords[4][4] = {{57, 60, 64, 69}, {53, 57, 60, 64}, {55, 60, 64, 67}, {56, 59, 62, 64}};
const double kRoots[4] = {45, 41, 36, 40}; // A2, F2, C2, E2

void renderDrums(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    const KickParams kickTone;
    HatParams closed{0.028, 1.0, 8000.0, -0.2};
    HatParams open{0.16, 0.0, 6500.0, 0.2};
    open.chokeSeconds = grid.length(1.6) / grid.sampleRate; // the next closed hat "chokes" it
    SnareParams rim;
    rim.toneHz = 820.0;
    rim.toneDecay = 0.018;
    rim.noiseHz = 4000.0;
    rim.noiseDecay = 0.02;
    rim.toneMix = 0.7;
    rim.pan = 0.35;

    for (int s = 0; s < grid.steps(); ++s) {
        const auto pos = grid.at(s);
        if (s % 4 == 0) kick(t, pos, 0.95 + 0.05 * rng.unit(), kickTone, rng);
        if (s % 8 == 4) clap(t, pos, 0.72 + 0.06 * rng.unit(), 0.0, rng);
        if (s % 4 == 2) {
            hat(t, pos, 0.42 + 0.06 * rng.bipolar(), open, rng);
        } else {
            const double accent = s % 4 == 0 ? 0.26 : (s % 4 == 1 ? 0.18 : 0.3);
            hat(t, pos, accent + 0.05 * rng.bipolar(), closed, rng);
        }
        if (s % 32 == 14 || s % 32 == 27) snare(t, pos, 0.32, rim, rng);
    }
    saturateBus(buffer, 1.2);
}

void renderBass(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    BassParams p;
    p.cutoffHz = 260.0;
    p.envHz = 1400.0;
    // Off-beat house bass: {step, length in steps, interval above the root}; the octave and
    // passing notes lean on A (and G# leading back to it) so the line itself says "A minor".
    const double pattern[][3] = {{2, 1.7, 0}, {6, 1.7, 0}, {7, 0.8, 12}, {10, 1.7, 0}, {13, 0.8, 0}, {14, 1.7, 0}};
    const double passing[4] = {45, 45, 40, 44}; // step 13 of each bar: A2, A2, E2, G#2
    for (int bar = 0; bar < grid.bars; ++bar)
        for (const auto& hit : pattern) {
            const double step = bar * 16 + hit[0];
            const double midi = hit[0] == 13 ? passing[bar % 4] : kRoots[bar % 4] + hit[2];
            const double vel = (hit[0] == 7 || hit[0] == 13 ? 0.75 : 0.9) + 0.08 * rng.unit();
            bass(t, {grid.at(step), grid.length(hit[1]), midi, vel}, p);
        }
}

void renderChords(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    PadParams p;
    p.cutoffHz = 650.0;
    p.envHz = 2600.0;
    p.filterDecay = 0.18;
    p.decay = 0.3;
    p.sustain = 0.55;
    p.release = 0.09;
    // Syncopated stabs: {step, length in steps}.
    const double stabs[][2] = {{0, 2.6}, {3, 2.6}, {7, 2.2}, {10, 2.6}, {14, 1.6}};
    for (int bar = 0; bar < grid.bars; ++bar)
        for (const auto& stab : stabs) {
            const double vel = 0.8 + 0.15 * rng.unit();
            for (double midi : kChords[bar % 4])
                sawChordNote(t, {grid.at(bar * 16 + stab[0]), grid.length(stab[1]), midi, vel}, p, rng);
        }
    reverb(buffer, grid.sampleRate, 1.4, 0.22, 5000.0);
}

void renderMelody(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    // {bar, step, MIDI note, length in steps}; A minor, leaning on A, C and E; the G# leads back to A at the wrap.
    const double notes[][4] = {
        {0, 0, 69, 2}, {0, 3, 72, 1}, {0, 6, 76, 2}, {0, 10, 69, 2}, {0, 12, 71, 2}, {0, 14, 72, 2},
        {1, 0, 69, 2}, {1, 3, 72, 1}, {1, 6, 77, 2}, {1, 10, 76, 2}, {1, 12, 72, 2}, {1, 14, 69, 2},
        {2, 0, 76, 2}, {2, 3, 79, 1}, {2, 6, 76, 2}, {2, 10, 72, 2}, {2, 12, 74, 2}, {2, 14, 76, 2},
        {3, 0, 71, 2}, {3, 3, 76, 1}, {3, 6, 68, 2}, {3, 10, 71, 2}, {3, 12, 74, 2}, {3, 14, 68, 2},
    };
    int i = 0;
    for (const auto& n : notes) {
        const double vel = (n[1] == 0 ? 0.9 : 0.75) + 0.1 * rng.unit();
        const double pan = (i++ % 2 == 0) ? -0.15 : 0.15;
        pluck(t, {grid.at(n[0] * 16 + n[1]), grid.length(n[3] * 0.8), n[2], vel, pan}, 0.8);
    }
    pingPongEcho(buffer, grid.sampleRate, grid.length(3), 0.38, 0.35); // dotted-eighth echoes
    reverb(buffer, grid.sampleRate, 1.6, 0.18, 6000.0);
}

void renderFx(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    riser({buffer, grid.sampleRate}, 0, buffer.length(), rng);
}

} // namespace

std::vector<LoopSpec> housePack()
{
    return {
        {kFolder, "House Drums 124 BPM.wav", kBpm, 2, "none", "drums", kRate, 2, 0.5, 0x1001, renderDrums},
        {kFolder, "Rolling Bass Am.wav", kBpm, 4, "A minor", "bass", kRate, 2, 0.5, 0x1002, renderBass},
        {kFolder, "Velvet Stabs.wav", kBpm, 4, "A minor", "chords", kRate, 2, 0.5, 0x1003, renderChords},
        {kFolder, "Night Pluck 124.wav", kBpm, 4, "A minor", "melody", kRate, 2, 0.5, 0x1004, renderMelody},
        {kFolder, "Riser.wav", kBpm, 2, "none", "fx", kRate, 2, 0.5, 0x1005, renderFx},
    };
}

} // namespace loopmind::demogen
