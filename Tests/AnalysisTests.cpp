// Analysis on synthetic loops generated here: drum kits, clicks, chords, scales, bass, noise.
// Every sound wraps around the loop end, as it would in a seamless loop.
#include "Analysis/LoopAnalysis.h"
#include "Analysis/NameHints.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace loopmind::analysis;

namespace {
constexpr double kPi = 3.14159265358979323846;

struct Loop {
    double sampleRate = 44100.0;
    juce::AudioBuffer<float> audio;
    std::uint32_t seed = 12345;

    Loop(double seconds, double sr = 44100.0, int channels = 2) : sampleRate(sr)
    {
        audio.setSize(channels, int(std::lround(seconds * sr)));
        audio.clear();
    }
    int length() const { return audio.getNumSamples(); }
    float noise() // deterministic white noise in [-1, 1)
    {
        seed = seed * 1664525u + 1013904223u;
        return float(seed >> 8) / float(1u << 23) - 1.0f;
    }
    void add(double atSeconds, int index, float value)
    {
        const int n = length();
        const int i = ((int(std::lround(atSeconds * sampleRate)) + index) % n + n) % n;
        for (int c = 0; c < audio.getNumChannels(); ++c)
            audio.getWritePointer(c)[i] += value;
    }
    template <typename F>
    void render(double at, double seconds, F&& sampleAt)
    {
        const int count = int(seconds * sampleRate);
        for (int i = 0; i < count; ++i)
            add(at, i, float(sampleAt(i / sampleRate)));
    }

    void kick(double at, double gain = 0.9)
    {
        double phase = 0.0;
        render(at, 0.45, [&](double t) {
            phase += 2.0 * kPi * (48.0 + 110.0 * std::exp(-t / 0.025)) / sampleRate;
            return gain * std::sin(phase) * std::exp(-t / 0.12);
        });
    }
    void snare(double at, double gain = 0.6)
    {
        render(at, 0.3, [&](double t) {
            return gain * (0.7 * noise() * std::exp(-t / 0.06) + 0.4 * std::sin(2.0 * kPi * 185.0 * t) * std::exp(-t / 0.04));
        });
    }
    void hat(double at, double gain = 0.3, double decay = 0.025)
    {
        float previous = 0.0f;
        render(at, decay * 6.0, [&](double t) {
            const float n = noise(), highPassed = n - previous; // first difference tilts the noise up
            previous = n;
            return gain * 0.5 * highPassed * std::exp(-t / decay);
        });
    }
    void click(double at) { render(at, 0.01, [&](double t) { return 0.8 * std::sin(2.0 * kPi * 1000.0 * t); }); }

    /** A harmonic tone (sawtooth-like, partials up to 6 kHz) with a short attack and a release. */
    void tone(double at, double seconds, double midi, double gain, int maxPartials = 40, double decay = 0.0)
    {
        const double f0 = 440.0 * std::pow(2.0, (midi - 69.0) / 12.0);
        const int partials = std::max(1, std::min(maxPartials, int(6000.0 / f0)));
        render(at, seconds, [&](double t) {
            double s = 0.0;
            for (int h = 1; h <= partials; ++h)
                s += std::sin(2.0 * kPi * f0 * h * t) / h;
            const double attack = std::min(1.0, t / 0.01), release = std::min(1.0, (seconds - t) / 0.05);
            const double body = decay > 0.0 ? std::exp(-t / decay) : 1.0;
            return gain * s * attack * release * body;
        });
    }
};

double beatsToSeconds(double beats, double bpm) { return beats * 60.0 / bpm; }

Loop clickTrack(double bpm, int beats)
{
    Loop loop(beatsToSeconds(beats, bpm));
    for (int b = 0; b < beats; ++b)
        loop.click(beatsToSeconds(b, bpm));
    return loop;
}

/** Kick on 1, snare on 3 (the half-time backbeat), 8th hats with soft off-beats. */
Loop halfTimeDrums(double bpm, int bars)
{
    Loop loop(beatsToSeconds(bars * 4, bpm));
    for (int bar = 0; bar < bars; ++bar) {
        const double b0 = bar * 4.0;
        loop.kick(beatsToSeconds(b0, bpm));
        loop.kick(beatsToSeconds(b0 + 2.75, bpm), 0.6);
        loop.snare(beatsToSeconds(b0 + 2.0, bpm));
        for (int e = 0; e < 8; ++e)
            loop.hat(beatsToSeconds(b0 + e * 0.5, bpm), e % 2 == 0 ? 0.3 : 0.12);
    }
    return loop;
}

/** Boom-bap: kick 1 and the and-of-2, snare 2 and 4, hats on swung 8ths (off-beats at `swing` of the beat). */
Loop swungDrums(double bpm, int bars, double swing)
{
    Loop loop(beatsToSeconds(bars * 4, bpm));
    for (int bar = 0; bar < bars; ++bar) {
        const double b0 = bar * 4.0;
        loop.kick(beatsToSeconds(b0, bpm));
        loop.kick(beatsToSeconds(b0 + 1.5 + (swing - 0.5), bpm), 0.7);
        loop.kick(beatsToSeconds(b0 + 2.0, bpm), 0.8);
        loop.snare(beatsToSeconds(b0 + 1.0, bpm));
        loop.snare(beatsToSeconds(b0 + 3.0, bpm));
        for (int beat = 0; beat < 4; ++beat) {
            loop.hat(beatsToSeconds(b0 + beat, bpm), 0.3);
            loop.hat(beatsToSeconds(b0 + beat + swing, bpm), 0.22);
        }
    }
    return loop;
}

/** Four-on-the-floor: kick every beat, clap on 2 and 4, open hat on the off-beats. */
Loop houseDrums(double bpm, int bars)
{
    Loop loop(beatsToSeconds(bars * 4, bpm));
    for (int beat = 0; beat < bars * 4; ++beat) {
        loop.kick(beatsToSeconds(beat, bpm));
        if (beat % 2 == 1)
            loop.snare(beatsToSeconds(beat, bpm), 0.5);
        loop.hat(beatsToSeconds(beat + 0.5, bpm), 0.3, 0.08);
    }
    return loop;
}

/** Drum and bass two-step: kick 1 and the and-of-3, snare 2 and 4, 8th hats. */
Loop twoStepDrums(double bpm, int bars)
{
    Loop loop(beatsToSeconds(bars * 4, bpm));
    for (int bar = 0; bar < bars; ++bar) {
        const double b0 = bar * 4.0;
        loop.kick(beatsToSeconds(b0, bpm));
        loop.kick(beatsToSeconds(b0 + 2.5, bpm), 0.8);
        loop.snare(beatsToSeconds(b0 + 1.0, bpm), 0.7);
        loop.snare(beatsToSeconds(b0 + 3.0, bpm), 0.7);
        for (int e = 0; e < 8; ++e)
            loop.hat(beatsToSeconds(b0 + e * 0.5, bpm), 0.2);
    }
    return loop;
}

Loop whiteNoise(double seconds)
{
    Loop loop(seconds);
    loop.render(0.0, seconds, [&](double) { return 0.3 * loop.noise(); });
    return loop;
}

/** Block chords, one per bar, each note a 12-partial saw; a bass an octave or two below on the root. */
Loop chordLoop(double bpm, const std::vector<std::vector<int>>& chords, bool withBass)
{
    Loop loop(beatsToSeconds(double(chords.size()) * 4, bpm));
    for (size_t bar = 0; bar < chords.size(); ++bar) {
        const double at = beatsToSeconds(bar * 4.0, bpm), length = beatsToSeconds(4, bpm) - 0.02;
        for (int m : chords[bar])
            loop.tone(at, length, m, 0.1, 12);
        if (withBass)
            loop.tone(at, length, chords[bar].front() - 24, 0.15, 8);
    }
    return loop;
}

void requireTempo(const TempoEstimate& t, double bpm, int beats)
{
    INFO("estimated " << (t.bpm ? *t.bpm : -1.0) << " BPM over " << t.beats << " beats, confidence " << t.confidence);
    REQUIRE(t.bpm.has_value());
    CHECK(*t.bpm == Approx(bpm).margin(1.0));
    CHECK(t.beats == beats);
    CHECK(t.confidence >= 0.0);
    CHECK(t.confidence <= 1.0);
}
} // namespace

TEST_CASE("tempo of a 128 BPM click track over 4 bars", "[analysis]")
{
    auto loop = clickTrack(128.0, 16);
    requireTempo(estimateTempo(loop.audio, loop.sampleRate, ""), 128.0, 16);
}

TEST_CASE("tempo of half-time drums at 70 BPM is not doubled", "[analysis]")
{
    auto loop = halfTimeDrums(70.0, 2);
    requireTempo(estimateTempo(loop.audio, loop.sampleRate, ""), 70.0, 8);
}

TEST_CASE("tempo of swung 90 BPM drums is not doubled", "[analysis]")
{
    auto loop = swungDrums(90.0, 2, 0.6);
    requireTempo(estimateTempo(loop.audio, loop.sampleRate, ""), 90.0, 8);
}

TEST_CASE("half-time grooves read at their snare-on-3 tempo across 130-170 BPM", "[analysis][octave]")
{
    // The same pattern as the 70 BPM case above: at 140 its 16th-note kick would be a 32nd at 70.
    for (double bpm : { 130.0, 140.0, 150.0, 160.0, 170.0 }) {
        INFO(bpm << " BPM");
        auto loop = halfTimeDrums(bpm, 2);
        requireTempo(estimateTempo(loop.audio, loop.sampleRate, ""), bpm, 8);
    }
}

TEST_CASE("swing from 50 to 66 % never changes the octave", "[analysis][octave]")
{
    for (double bpm : { 80.0, 90.0, 100.0 })
        for (double swing : { 0.5, 0.55, 0.58, 0.6, 0.62, 0.64, 0.66 }) {
            INFO(bpm << " BPM, swing " << swing);
            auto loop = swungDrums(bpm, 2, swing);
            requireTempo(estimateTempo(loop.audio, loop.sampleRate, ""), bpm, 8);
        }
}

TEST_CASE("tempo of house and drum and bass grooves", "[analysis]")
{
    auto house = houseDrums(124.0, 4);
    requireTempo(estimateTempo(house.audio, house.sampleRate, ""), 124.0, 16);
    auto dnb = twoStepDrums(174.0, 4);
    requireTempo(estimateTempo(dnb.audio, dnb.sampleRate, ""), 174.0, 16);
    auto straight = swungDrums(100.0, 4, 0.5);
    requireTempo(estimateTempo(straight.audio, straight.sampleRate, ""), 100.0, 16);
}

TEST_CASE("tempo is null for one-shots and noise", "[analysis]")
{
    Loop shot(0.3);
    shot.kick(0.0);
    auto t = estimateTempo(shot.audio, shot.sampleRate, "kick_120bpm");
    CHECK_FALSE(t.bpm.has_value());
    CHECK(t.beats == 0);

    Loop single(2.0);
    single.snare(0.1);
    CHECK_FALSE(estimateTempo(single.audio, single.sampleRate, "").bpm.has_value());

    auto noise = whiteNoise(4.0);
    t = estimateTempo(noise.audio, noise.sampleRate, "");
    CHECK_FALSE(t.bpm.has_value());
    CHECK(t.beats == 0);

    Loop silence(4.0);
    CHECK_FALSE(estimateTempo(silence.audio, silence.sampleRate, "").bpm.has_value());
}

TEST_CASE("arrhythmic audio takes a tempo only from a name that says it is one", "[analysis]")
{
    auto noise = whiteNoise(4.0); // 4 s: 105 BPM would be 7 beats, 120 BPM 8
    CHECK_FALSE(estimateTempo(noise.audio, noise.sampleRate, "texture-105.wav").bpm.has_value());
    CHECK_FALSE(estimateTempo(noise.audio, noise.sampleRate, "Pack 3/take 120.wav").bpm.has_value());
    for (const char* name : { "wind 120bpm.wav", "wind_BPM_120.wav", "Ambient 120/wind.wav" }) {
        INFO(name);
        const auto t = estimateTempo(noise.audio, noise.sampleRate, name);
        REQUIRE(t.bpm.has_value());
        CHECK(*t.bpm == Approx(120.0).margin(0.01));
        CHECK(t.confidence <= 0.3);
    }
}

TEST_CASE("a tempo in the name helps only when it fits the length", "[analysis]")
{
    // Even clicks at 140 per minute over 16 beats read as 140, or as 70 with 8th notes: the name settles it.
    auto loop = clickTrack(140.0, 16);
    auto slow = estimateTempo(loop.audio, loop.sampleRate, "Pack 12/perc_70bpm.wav");
    REQUIRE(slow.bpm.has_value());
    CHECK(*slow.bpm == Approx(70.0).margin(0.01));
    CHECK(slow.beats == 8);
    auto fast = estimateTempo(loop.audio, loop.sampleRate, "perc 140 .wav");
    REQUIRE(fast.bpm.has_value());
    CHECK(*fast.bpm == Approx(140.0).margin(0.01));
    // 100 fits no whole number of beats in this length; 105 (12 beats) fits but the clicks deny it.
    for (const char* name : { "loop_100", "loop_105" }) {
        auto ignored = estimateTempo(loop.audio, loop.sampleRate, name);
        REQUIRE(ignored.bpm.has_value());
        CHECK(*ignored.bpm == Approx(140.0).margin(1.0));
    }
}

TEST_CASE("tempo works at 48 kHz, in mono and deterministically", "[analysis]")
{
    Loop loop(beatsToSeconds(8, 96.0), 48000.0, 1);
    for (int b = 0; b < 8; ++b) {
        loop.kick(beatsToSeconds(b, 96.0));
        loop.hat(beatsToSeconds(b + 0.5, 96.0), 0.15);
    }
    const auto a = estimateTempo(loop.audio, loop.sampleRate, "");
    const auto b = estimateTempo(loop.audio, loop.sampleRate, "");
    requireTempo(a, 96.0, 8);
    CHECK(a.confidence == b.confidence);
}

TEST_CASE("key of an i-iv-v-i progression in A minor", "[analysis]")
{
    // Am - Dm - Em - Am has only the notes of C major: the tonic chord opening and closing the loop
    // must make it A minor. With E major (harmonic minor V) the G# helps as well.
    for (int fifthThird : { 67, 68 })
        for (bool withBass : { false, true }) {
            auto loop = chordLoop(100.0, { { 57, 60, 64 }, { 62, 65, 69 }, { 64, fifthThird, 71 }, { 57, 60, 64 } }, withBass);
            const auto k = estimateKey(loop.audio, loop.sampleRate);
            INFO("v chord third " << fifthThird << ", with bass: " << withBass << ", confidence " << k.confidence);
            REQUIRE(k.key.has_value());
            CHECK(*k.key == "A minor");
            CHECK(k.confidence >= 0.5);
        }
}

TEST_CASE("key of natural-minor and major progressions in every key", "[analysis]")
{
    static const char* const tonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    int right = 0;
    for (int t = 0; t < 12; ++t) {
        const int r = 57 + t; // tonic between A3 and G#4
        // i-VI-VII-i with bass, and I-V-vi-IV (the pop progression whose vi invites the relative minor).
        auto minor = chordLoop(96.0, { { r, r + 3, r + 7 }, { r + 8, r + 12, r + 15 }, { r + 10, r + 14, r + 17 }, { r, r + 3, r + 7 } }, true);
        auto major = chordLoop(96.0, { { r, r + 4, r + 7 }, { r + 7, r + 11, r + 14 }, { r + 9, r + 12, r + 16 }, { r + 5, r + 9, r + 12 } }, true);
        const auto km = estimateKey(minor.audio, minor.sampleRate);
        const auto kM = estimateKey(major.audio, major.sampleRate);
        const std::string tonic = tonics[(9 + t) % 12];
        right += (km.key && *km.key == tonic + " minor") ? 1 : 0;
        right += (kM.key && *kM.key == tonic + " major") ? 1 : 0;
        INFO(tonic << ": minor -> " << km.key.value_or("null") << ", major -> " << kM.key.value_or("null"));
        CHECK(km.key.value_or("null") == tonic + " minor");
        CHECK(kM.key.value_or("null") == tonic + " major");
    }
    CHECK(right == 24);
}

TEST_CASE("key of an F major scale melody", "[analysis]")
{
    Loop loop(beatsToSeconds(16, 100.0));
    const int notes[16] = { 65, 67, 69, 70, 72, 74, 76, 77, 76, 74, 72, 70, 69, 67, 65, 65 };
    for (int i = 0; i < 16; ++i)
        loop.tone(beatsToSeconds(i, 100.0), beatsToSeconds(0.9, 100.0), notes[i], 0.3);
    const auto k = estimateKey(loop.audio, loop.sampleRate);
    REQUIRE(k.key.has_value());
    CHECK(*k.key == "F major");
    CHECK(classifyRole(loop.audio, loop.sampleRate, "untitled").role.value_or("null") == "melody");
}

TEST_CASE("unpitched loops have key none", "[analysis]")
{
    auto noise = whiteNoise(4.0);
    CHECK(estimateKey(noise.audio, noise.sampleRate).key.value_or("null") == "none");
    for (const auto& drums : { halfTimeDrums(70.0, 2), swungDrums(90.0, 2, 0.6), houseDrums(124.0, 4) }) {
        const auto k = estimateKey(drums.audio, drums.sampleRate);
        CHECK(k.key.value_or("null") == "none");
        CHECK(k.confidence >= 0.5);
    }
}

TEST_CASE("a single held note is pitched but names no key", "[analysis]")
{
    Loop bass(beatsToSeconds(8, 120.0));
    bass.render(0.0, bass.length() / bass.sampleRate, [](double t) { return 0.5 * std::sin(2.0 * kPi * 55.0 * t); });
    const auto k = estimateKey(bass.audio, bass.sampleRate);
    CHECK_FALSE(k.key.has_value());
    const auto role = classifyRole(bass.audio, bass.sampleRate, "");
    REQUIRE(role.role.has_value());
    CHECK(*role.role == "bass");
    CHECK(role.confidence >= 0.5);
}

TEST_CASE("a key written in the file name is read as sample packs write it", "[analysis]")
{
    auto named = [](const std::string& path) {
        const auto k = detail::keyInName(path);
        static const char* const tonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
        return k ? std::string(tonics[k->tonic]) + (k->minor.value_or(false) ? " minor" : " major") : std::string("none");
    };
    CHECK(named("Piano_Am_120.wav") == "A minor");
    CHECK(named("Pack/Bass Loop 128 BPM F#m.wav") == "F# minor");
    CHECK(named("pad_Ebmin.flac") == "D# minor");
    CHECK(named("Keys Cmaj7 90bpm.wav") == "C major");
    CHECK(named("Lead_C#_minor.wav") == "C# minor");
    CHECK(named("Strings Fsharp minor.aif") == "F# minor");
    CHECK(named("Bb.wav") == "A# major");
    CHECK(named("A minor groove.wav") == "A minor");
    CHECK(named("FM_Bass.wav") == "none");        // FM synthesis, not F minor
    CHECK(named("Take_A.wav") == "none");         // a bare letter is no key
    CHECK(named("bass_hit_c.flac") == "none");
    CHECK(named("Dm_vs_Em.wav") == "none");       // two keys: neither
    CHECK(named("Pack in Am/kick.wav") == "none"); // folders are not read
    CHECK(named("Drums_Dance_01.wav") == "none");
}

TEST_CASE("a key in the name settles what the notes leave open, never against them", "[analysis]")
{
    // A held A: one note fits A major and A minor alike (no key from audio alone); the name picks one.
    Loop sub(beatsToSeconds(8, 120.0));
    sub.render(0.0, sub.length() / sub.sampleRate, [](double t) { return 0.5 * std::sin(2.0 * kPi * 110.0 * t); });
    CHECK_FALSE(analyseLoop(sub.audio, sub.sampleRate, "sub.wav").key.key.has_value());
    CHECK(analyseLoop(sub.audio, sub.sampleRate, "Sub_Am.wav").key.key.value_or("null") == "A minor");
    CHECK(analyseLoop(sub.audio, sub.sampleRate, "Sub_A_major.wav").key.key.value_or("null") == "A major");
    CHECK_FALSE(analyseLoop(sub.audio, sub.sampleRate, "Sub_F#m.wav").key.key.has_value()); // A is F# minor's third: too weak a fit
    // C - G - Am - F: the notes of C major and of A minor; the audio says C major, a name saying A minor is
    // taken, a name saying an unrelated key (F# major shares two of its notes) is not.
    auto pop = chordLoop(96.0, { { 60, 64, 67 }, { 67, 71, 74 }, { 69, 72, 76 }, { 65, 69, 72 } }, true);
    CHECK(analyseLoop(pop.audio, pop.sampleRate, "loop.wav").key.key.value_or("null") == "C major");
    CHECK(analyseLoop(pop.audio, pop.sampleRate, "Pop_Am_96.wav").key.key.value_or("null") == "A minor");
    CHECK(analyseLoop(pop.audio, pop.sampleRate, "Pop_F#_96.wav").key.key.value_or("null") == "C major");
    // Drums have no key, whatever the pack says.
    auto drums = houseDrums(124.0, 4);
    CHECK(analyseLoop(drums.audio, drums.sampleRate, "Drums_Am_124.wav").key.key.value_or("null") == "none");
}

TEST_CASE("roles from audio, with names as a secondary hint", "[analysis]")
{
    auto role = [](Loop& l, const std::string& name) {
        return classifyRole(l.audio, l.sampleRate, name).role.value_or("null");
    };
    auto drums = swungDrums(90.0, 2, 0.6);
    CHECK(role(drums, "") == "drums");
    CHECK(role(drums, "Pads/untitled.wav") == "drums"); // a wrong folder word does not beat clear audio
    auto pad = chordLoop(100.0, { { 57, 60, 64 }, { 62, 65, 69 }, { 64, 68, 71 }, { 57, 60, 64 } }, false);
    CHECK(role(pad, "") == "chords");
    Loop bassLine(beatsToSeconds(16, 100.0));
    const int bass[8] = { 33, 33, 36, 38, 41, 41, 40, 38 };
    for (int i = 0; i < 16; ++i)
        bassLine.tone(beatsToSeconds(i, 100.0), beatsToSeconds(0.8, 100.0), bass[i % 8], 0.3, 6);
    CHECK(role(bassLine, "") == "bass");
    auto noise = whiteNoise(4.0);
    CHECK(role(noise, "") == "fx");
    // A single sung-like line is a melody unless the name says it is a voice.
    Loop line(beatsToSeconds(8, 100.0));
    const int notes[8] = { 69, 72, 74, 76, 74, 72, 71, 69 };
    for (int i = 0; i < 8; ++i)
        line.tone(beatsToSeconds(i, 100.0), beatsToSeconds(0.95, 100.0), notes[i], 0.3, 8);
    CHECK(role(line, "") == "melody");
    CHECK(role(line, "Vox Chop 100.wav") == "vocal");
    CHECK(role(line, "Pluck/lead 1.wav") == "melody");
    // Clicks are percussive and unpitched; "perc" agrees, "riser" is not enough to overrule them.
    auto clicks = clickTrack(128.0, 16);
    CHECK(role(clicks, "perc loop") == "drums");
    CHECK(role(clicks, "riser") == "drums");
    Loop silence(2.0);
    CHECK_FALSE(classifyRole(silence.audio, silence.sampleRate, "kick").role.has_value());
}

TEST_CASE("estimates stay finite and in range on odd input", "[analysis]")
{
    juce::AudioBuffer<float> empty(2, 0);
    CHECK_FALSE(estimateTempo(empty, 44100.0, "").bpm.has_value());
    CHECK(estimateKey(empty, 44100.0).confidence >= 0.0);
    CHECK_FALSE(classifyRole(empty, 44100.0, "").role.has_value());
    CHECK(summariseWaveform(empty).levels.empty());

    Loop weird(2.0);
    weird.audio.setSample(0, 100, std::numeric_limits<float>::quiet_NaN());
    weird.audio.setSample(1, 200, std::numeric_limits<float>::infinity());
    weird.click(0.5);
    weird.click(1.0);
    const auto t = estimateTempo(weird.audio, weird.sampleRate, "");
    const auto k = estimateKey(weird.audio, weird.sampleRate);
    const auto r = classifyRole(weird.audio, weird.sampleRate, "");
    for (double c : { t.confidence, k.confidence, r.confidence }) {
        CHECK(std::isfinite(c));
        CHECK(c >= 0.0);
        CHECK(c <= 1.0);
    }
    if (t.bpm)
        CHECK(std::isfinite(*t.bpm));
}

TEST_CASE("waveform summary halves down to fewer than 64 bins", "[analysis]")
{
    juce::AudioBuffer<float> audio(2, 100000);
    audio.clear();
    audio.setSample(0, 300, 0.75f);  // left only
    audio.setSample(1, 301, -0.5f); // right only
    audio.setSample(1, 99999, 0.25f);
    const auto summary = summariseWaveform(audio, 256);
    REQUIRE(!summary.levels.empty());
    CHECK(summary.levels[0].samplesPerBin == 256);
    CHECK(summary.levels[0].minimum.size() == 391); // ceil(100000 / 256)
    CHECK(summary.levels[0].maximum[1] == 0.75f);
    CHECK(summary.levels[0].minimum[1] == -0.5f);
    CHECK(summary.levels[0].maximum.back() == 0.25f);
    for (size_t i = 1; i < summary.levels.size(); ++i) {
        CHECK(summary.levels[i].samplesPerBin == summary.levels[i - 1].samplesPerBin * 2);
        CHECK(summary.levels[i].minimum.size() == (summary.levels[i - 1].minimum.size() + 1) / 2);
        CHECK(summary.levels[i].maximum[0] == 0.75f);
        CHECK(summary.levels[i].minimum[0] == -0.5f);
    }
    CHECK(summary.levels.back().minimum.size() < 64);
    CHECK(summary.levels[summary.levels.size() - 2].minimum.size() >= 64);
}
