// The labelled hard test set: what each item is (truth) and how it is rendered. See TestSet.h.
#include "TestSet.h"
#include "Effects.h"
#include "Voices.h"

namespace loopmind::demogen {
namespace {

const char* const kNoteNames[12] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

std::string keyName(int tonic, bool minor) { return std::string(kNoteNames[tonic % 12]) + (minor ? " minor" : " major"); }

// ---- drums -------------------------------------------------------------------------------------

struct DrumStyle {
    bool halfTime = false;    // snare on beat 3 only, kick sparse: the half-time feel
    bool sixteenthHats = false;
    bool ghosts = false;      // quiet snare ghost notes on swung 16ths
    int kit = 0;              // 0 electronic, 1 dusty, 2 tight
};

void renderDrums(LoopBuffer& buffer, const Grid& grid, Rng& rng, DrumStyle style)
{
    const Target t{buffer, grid.sampleRate};
    KickParams k;
    SnareParams s;
    HatParams hat1{0.03, 1.0, 7500.0, 0.2};
    if (style.kit == 1) { k.startHz = 120; k.endHz = 46; k.decaySeconds = 0.22; s.toneHz = 175; s.noiseHz = 1800; s.noiseDecay = 0.14; }
    if (style.kit == 2) { k.decaySeconds = 0.1; k.click = 0.6; s.toneHz = 230; s.noiseDecay = 0.07; hat1.cutoffHz = 9000; }
    const auto late = [&](double step, double ms) { return grid.at(step) + std::llround(rng.unit() * ms * 0.001 * grid.sampleRate); };

    for (int bar = 0; bar < grid.bars; ++bar) {
        const int b = bar * 16;
        if (style.halfTime) {
            kick(t, late(b + 0, 1.0), 1.0, k, rng);
            if (bar % 2 == 1 || rng.unit() < 0.5) kick(t, late(b + 11, 1.0), 0.8, k, rng);
            if (bar % 2 == 1) kick(t, late(b + 14, 1.0), 0.7, k, rng);
            snare(t, late(b + 8, 2.0), 0.95, s, rng);
        } else {
            kick(t, late(b + 0, 1.0), 1.0, k, rng);
            kick(t, late(b + 8, 1.0), 0.9, k, rng);
            if (bar % 2 == 1) kick(t, late(b + 10, 1.0), 0.75, k, rng);
            snare(t, late(b + 4, 2.0), 0.95, s, rng);
            snare(t, late(b + 12, 2.0), 0.95, s, rng);
        }
        if (style.ghosts) {
            snare(t, late(b + 7, 2.0), 0.14, s, rng);
            snare(t, late(b + 13, 2.0), 0.12, s, rng);
        }
        const int hatStep = style.sixteenthHats ? 1 : 2;
        for (int st = 0; st < 16; st += hatStep) {
            const double vel = (st % 4 == 0 ? 0.45 : st % 2 == 0 ? 0.32 : 0.22) + 0.05 * rng.bipolar();
            hat(t, late(b + st, 1.5), vel, hat1, rng);
        }
    }
    saturateBus(buffer, 1.3);
}

// ---- pitched -----------------------------------------------------------------------------------

/** i-iv-V7-i (minor, harmonic: the leading tone makes the key explicit) or I-IV-V7-I (major), as
    semitones above the tonic. */
const int kMinorChords[4][4] = {{0, 3, 7, 12}, {5, 8, 12, 17}, {7, 11, 14, 17}, {0, 3, 7, 15}};
const int kMajorChords[4][4] = {{0, 4, 7, 12}, {5, 9, 12, 17}, {7, 11, 14, 17}, {0, 4, 7, 16}};
const int kMinorBass[4][4] = {{0, 0, 7, 0}, {5, 5, 0, 5}, {7, 7, 11, 7}, {0, 3, 7, 0}};
const int kMajorBass[4][4] = {{0, 0, 7, 0}, {5, 5, 9, 5}, {7, 7, 11, 7}, {0, 4, 7, 0}};
const int kMinorTune[16] = {12, 7, 3, 7, 8, 5, 8, 12, 11, 7, 2, 11, 12, 7, 3, 0};
const int kMajorTune[16] = {12, 7, 4, 7, 9, 5, 9, 12, 11, 7, 2, 11, 12, 7, 4, 0};

struct Pitched {
    int tonic;   // pitch class 0..11
    bool minor;
    int voice;   // chords: 0 saw pad, 1 e-piano; melody: 0 pluck, 1 soft lead; bass: 0 saw, 1 square
};

double chordSteps(const Grid& grid) { return double(grid.steps()) / 4.0; } // four chords per loop

void renderChords(LoopBuffer& buffer, const Grid& grid, Rng& rng, Pitched p)
{
    const Target t{buffer, grid.sampleRate};
    const double len = chordSteps(grid);
    const int base = 48 + p.tonic; // tonic in octave 3 (C3..B3)
    for (int c = 0; c < 4; ++c) {
        const auto& chord = p.minor ? kMinorChords[c] : kMajorChords[c];
        // Two hits per chord: a long one and a re-hit, on the grid (swung when the grid is).
        const double hits[2][2] = {{0.0, len * 0.6}, {len * 0.625, len * 0.35}};
        for (const auto& h : hits)
            for (int n = 0; n < 4; ++n) {
                const Note note{grid.at(c * len + h[0]), grid.length(h[1]), double(base + chord[n]), 0.7 + 0.1 * rng.unit(), 0.0};
                if (p.voice == 0) sawChordNote(t, note, PadParams{}, rng);
                else ePianoNote(t, note, EPianoParams{});
            }
    }
    reverb(buffer, grid.sampleRate, 0.9, 0.15, 5000.0);
}

void renderBass(LoopBuffer& buffer, const Grid& grid, Rng& rng, Pitched p)
{
    const Target t{buffer, grid.sampleRate};
    BassParams bp;
    bp.square = p.voice == 1;
    const double len = chordSteps(grid);
    const int base = 36 + p.tonic; // C2..B2
    for (int c = 0; c < 4; ++c) {
        const auto& line = p.minor ? kMinorBass[c] : kMajorBass[c];
        for (int n = 0; n < 4; ++n) {
            const double at = c * len + n * len / 4.0;
            bass(t, {grid.at(at), grid.length(len / 4.0 * 0.8), double(base + line[n]), 0.8 + 0.15 * rng.unit()}, bp);
        }
    }
}

void renderMelody(LoopBuffer& buffer, const Grid& grid, Rng& rng, Pitched p)
{
    const Target t{buffer, grid.sampleRate};
    const double len = double(grid.steps()) / 16.0;
    const int base = 60 + p.tonic;
    for (int n = 0; n < 16; ++n) {
        const Note note{grid.at(n * len), grid.length(len * 0.85), double(base + (p.minor ? kMinorTune : kMajorTune)[n]),
                        0.7 + 0.2 * rng.unit(), 0.1};
        if (p.voice == 0) pluck(t, note, 0.8);
        else softLead(t, note, rng);
    }
    reverb(buffer, grid.sampleRate, 1.2, 0.2, 6000.0);
}

// ---- arrhythmic textures ------------------------------------------------------------------------

/** Band-passed noise whose centre drifts on two unrelated slow sweeps: wind, no pulse, no pitch. */
void renderWind(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    Svf l, r;
    const double sr = grid.sampleRate;
    const auto n = buffer.length();
    for (std::int64_t i = 0; i < n; ++i) {
        const double x = double(i) / sr;
        if (i % 16 == 0) {
            const double hz = 900.0 * std::pow(2.0, 1.2 * std::sin(0.37 * x) + 0.6 * std::sin(1.13 * x + 1.0));
            l.set(hz, 1.2, sr);
            r.set(hz * 1.07, 1.2, sr);
        }
        const double swell = std::sin(kPi * double(i) / double(n));
        buffer.add(i, 0.5 * l.process(rng.bipolar()).band * swell, 0.5 * r.process(rng.bipolar()).band * swell);
    }
}

/** Hat ticks at random, unrelated times (exponential gaps): crackle with no tempo. */
void renderCrackle(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const Target t{buffer, grid.sampleRate};
    HatParams h{0.02, 1.0, 6000.0, 0.0};
    double pos = 0.05;
    const double end = double(buffer.length()) / grid.sampleRate - 0.1;
    while (pos < end) {
        h.pan = rng.bipolar() * 0.8;
        hat(t, std::llround(pos * grid.sampleRate), 0.2 + 0.6 * rng.unit(), h, rng);
        pos += -std::log(1.0 - rng.unit() * 0.999) * 0.18 + 0.01;
    }
}

/** Inharmonic bell pings at random times and random (non-tempered) frequencies. */
void renderPings(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    const double sr = grid.sampleRate;
    double pos = 0.1;
    const double end = double(buffer.length()) / sr - 0.6;
    while (pos < end) {
        const double f = 300.0 * std::pow(10.0, rng.unit());
        const double pan = rng.bipolar() * 0.7;
        const auto g = panGains(pan);
        const auto start = std::llround(pos * sr);
        const auto len = std::llround(0.5 * sr);
        for (std::int64_t i = 0; i < len; ++i) {
            const double x = double(i) / sr;
            const double v = 0.3 * std::exp(-x * 9.0) * std::min(1.0, x * 400.0)
                             * (std::sin(kTwoPi * f * x) + 0.6 * std::sin(kTwoPi * f * 2.76 * x) + 0.4 * std::sin(kTwoPi * f * 5.4 * x));
            buffer.add(start + i, v * g.left, v * g.right);
        }
        pos += 0.15 + rng.unit() * 0.9;
    }
}

void renderRiserTexture(LoopBuffer& buffer, const Grid& grid, Rng& rng)
{
    riser({buffer, grid.sampleRate}, 0, buffer.length(), rng);
}

// ---- one-shots ----------------------------------------------------------------------------------

void renderOneKick(LoopBuffer& b, const Grid& g, Rng& rng) { kick({b, g.sampleRate}, 0, 1.0, KickParams{}, rng); }
void renderOneSnare(LoopBuffer& b, const Grid& g, Rng& rng) { snare({b, g.sampleRate}, 0, 1.0, SnareParams{}, rng); }
void renderOneClap(LoopBuffer& b, const Grid& g, Rng& rng) { clap({b, g.sampleRate}, 0, 1.0, 0.0, rng); }
void renderOneHat(LoopBuffer& b, const Grid& g, Rng& rng) { hat({b, g.sampleRate}, 0, 1.0, HatParams{0.25, 0.0, 6500.0, 0.0}, rng); }

/** An impact: a low boom under a noise burst. */
void renderImpact(LoopBuffer& b, const Grid& g, Rng& rng)
{
    KickParams boom;
    boom.startHz = 90.0;
    boom.endHz = 35.0;
    boom.decaySeconds = 0.6;
    kick({b, g.sampleRate}, 0, 1.0, boom, rng);
    snare({b, g.sampleRate}, 0, 0.8, SnareParams{120.0, 0.2, 1200.0, 0.6, 0.5, 0.2, 0.0}, rng);
    reverb(b, g.sampleRate, 1.5, 0.35, 3000.0);
}

} // namespace

std::vector<TestItem> hardTestSet()
{
    std::vector<TestItem> items;
    std::uint64_t seed = 0x7E57'0000;
    const auto add = [&](TestItem item) {
        item.seed = ++seed;
        const int n = int(items.size());
        item.sampleRate = n % 2 == 0 ? 44100 : 48000;
        item.channels = n % 3 == 0 ? 1 : 2;
        item.peakDb = -1.0 - double((n * 7) % 12); // -1 .. -12 dBFS: levels vary like real packs
        items.push_back(std::move(item));
    };
    const auto loop = [](std::string cat, int bpm, int bars, std::string key, std::string role, double swing, std::string hint) {
        TestItem i;
        i.category = std::move(cat);
        i.bpm = bpm;
        i.bars = bars;
        i.key = std::move(key);
        i.role = std::move(role);
        i.swing = swing;
        i.hint = std::move(hint);
        return i;
    };

    // Straight drums across the tempo range.
    const int straight[][3] = {{60, 1, 0}, {72, 2, 1}, {85, 2, 2}, {100, 2, 0}, {118, 4, 1}, {128, 4, 2},
                               {140, 4, 0}, {155, 4, 1}, {174, 8, 2}, {190, 8, 0}};
    for (const auto& s : straight) {
        auto i = loop("straight", s[0], s[1], "none", "drums", 0.5, "drum loop " + std::to_string(s[0]) + " bpm");
        const DrumStyle st{false, s[0] < 110, false, s[2]};
        i.render = [st](LoopBuffer& b, const Grid& g, Rng& r) { renderDrums(b, g, r, st); };
        add(std::move(i));
    }
    // Swung drums, 55-66 %.
    const double swung[][3] = {{82, 2, 0.55}, {88, 2, 0.58}, {92, 2, 0.6}, {96, 4, 0.62}, {104, 4, 0.64}, {110, 4, 0.66}, {70, 1, 0.6}};
    for (const auto& s : swung) {
        auto i = loop("swing", int(s[0]), int(s[1]), "none", "drums", s[2], "swing beat " + std::to_string(int(s[0])) + " bpm");
        const DrumStyle st{false, true, true, int(s[0]) % 3};
        i.render = [st](LoopBuffer& b, const Grid& g, Rng& r) { renderDrums(b, g, r, st); };
        add(std::move(i));
    }
    // Half-time drums: the truth is the hats' tempo, the snare lands on beat 3.
    const int half[][2] = {{130, 2}, {140, 2}, {150, 4}, {160, 4}, {170, 4}, {86, 2}};
    for (const auto& s : half) {
        auto i = loop("halftime", s[0], s[1], "none", "drums", 0.5, "halftime drums " + std::to_string(s[0]) + " bpm");
        const DrumStyle st{true, s[0] < 100, false, s[0] % 3};
        i.render = [st](LoopBuffer& b, const Grid& g, Rng& r) { renderDrums(b, g, r, st); };
        add(std::move(i));
    }
    // Half-time with swung 16th hats and ghost snares (trap and half-time feels): swing must not hide
    // the kicks' 16th-note syncopation, nor make the swung hats pass for a faster tempo.
    const double halfSwung[][3] = {{140, 2, 0.58}, {150, 4, 0.62}, {136, 2, 0.66}};
    for (const auto& s : halfSwung) {
        auto i = loop("halftime", int(s[0]), int(s[1]), "none", "drums", s[2], "swung halftime " + std::to_string(int(s[0])) + " bpm");
        const DrumStyle st{true, true, true, int(s[0]) % 3};
        i.render = [st](LoopBuffer& b, const Grid& g, Rng& r) { renderDrums(b, g, r, st); };
        add(std::move(i));
    }
    // Bass-only lines, minor and major, several tonics.
    const int basses[][5] = {{90, 2, 9, 1, 0}, {120, 4, 4, 1, 1}, {124, 4, 0, 0, 0}, {100, 2, 7, 0, 1},
                             {140, 4, 2, 1, 0}, {76, 2, 5, 0, 1}, {110, 4, 11, 1, 1}, {165, 8, 10, 0, 0}};
    for (const auto& s : basses) {
        auto i = loop("bass", s[0], s[1], keyName(s[2], s[3] != 0), "bass", 0.5, "bass line " + std::to_string(s[0]) + " bpm");
        const Pitched p{s[2], s[3] != 0, s[4]};
        i.render = [p](LoopBuffer& b, const Grid& g, Rng& r) { renderBass(b, g, r, p); };
        add(std::move(i));
    }
    // Chord loops.
    const int chords[][5] = {{95, 2, 0, 0, 0}, {120, 4, 9, 1, 1}, {128, 4, 2, 1, 0}, {84, 2, 7, 0, 1},
                             {105, 4, 5, 0, 0}, {132, 4, 4, 1, 1}, {68, 2, 10, 0, 1}, {150, 4, 6, 1, 0}};
    for (const auto& s : chords) {
        auto i = loop("chords", s[0], s[1], keyName(s[2], s[3] != 0), "chords", 0.5, "chords " + std::to_string(s[0]) + " bpm");
        const Pitched p{s[2], s[3] != 0, s[4]};
        i.render = [p](LoopBuffer& b, const Grid& g, Rng& r) { renderChords(b, g, r, p); };
        add(std::move(i));
    }
    // Melodies.
    const int tunes[][5] = {{100, 2, 2, 0, 0}, {125, 4, 11, 1, 1}, {90, 2, 3, 0, 1}, {140, 4, 1, 1, 0}, {115, 4, 8, 0, 0}, {80, 2, 4, 1, 1}};
    for (const auto& s : tunes) {
        auto i = loop("melody", s[0], s[1], keyName(s[2], s[3] != 0), "melody", 0.5, "lead melody " + std::to_string(s[0]) + " bpm");
        const Pitched p{s[2], s[3] != 0, s[4]};
        i.render = [p](LoopBuffer& b, const Grid& g, Rng& r) { renderMelody(b, g, r, p); };
        add(std::move(i));
    }
    // Arrhythmic textures: no tempo, no key.
    const std::pair<double, void (*)(LoopBuffer&, const Grid&, Rng&)> textures[] = {
        {7.3, renderWind}, {5.1, renderCrackle}, {6.7, renderPings}, {4.4, renderRiserTexture}, {9.2, renderWind}, {8.1, renderCrackle}};
    for (const auto& [secs, fn] : textures) {
        TestItem i;
        i.category = "texture";
        i.seconds = secs;
        i.key = "none";
        i.role = "fx";
        i.hint = "atmosphere texture";
        i.render = fn;
        add(std::move(i));
    }
    // One-shots: no tempo; drums and fx have no key, a single note or triad is ambiguous.
    const std::tuple<double, const char*, const char*, void (*)(LoopBuffer&, const Grid&, Rng&)> shots[] = {
        {0.5, "drums", "kick one shot", renderOneKick}, {0.4, "drums", "snare one shot", renderOneSnare},
        {0.45, "drums", "clap one shot", renderOneClap}, {0.35, "drums", "open hat one shot", renderOneHat},
        {1.6, "fx", "impact fx", renderImpact}};
    for (const auto& [secs, role, hint, fn] : shots) {
        TestItem i;
        i.category = "oneshot";
        i.seconds = secs;
        i.key = "none";
        i.role = role;
        i.hint = hint;
        i.render = fn;
        add(std::move(i));
    }
    const int pitchedShots[][2] = {{0, 33}, {1, 43}, {2, 60}}; // bass note A1, chord stab on G, pluck C4
    for (const auto& s : pitchedShots) {
        TestItem i;
        i.category = "oneshot";
        i.seconds = s[0] == 0 ? 0.8 : 0.6;
        i.key = "ambiguous";
        i.role = s[0] == 0 ? "bass" : s[0] == 1 ? "chords" : "melody";
        i.hint = s[0] == 0 ? "bass one shot" : s[0] == 1 ? "chord stab one shot" : "pluck one shot";
        const int pc = s[1] % 12;
        i.keyCandidates = {keyName(pc, false), keyName(pc, true), keyName(pc + 5, false), keyName(pc + 7, false), keyName(pc + 9, true)};
        const int kind = s[0], midi = s[1];
        i.render = [kind, midi](LoopBuffer& b, const Grid& g, Rng& r) {
            const Target t{b, g.sampleRate};
            const auto len = b.length() * 6 / 10;
            if (kind == 0) bass(t, {0, len, double(midi), 1.0}, BassParams{});
            else if (kind == 1)
                for (int n : {0, 4, 7}) sawChordNote(t, {0, len, double(midi + n), 0.9}, PadParams{}, r);
            else pluck(t, {0, len, double(midi), 1.0}, 0.8);
        };
        add(std::move(i));
    }
    return items;
}

} // namespace loopmind::demogen
