#include "Voices.h"

namespace loopmind::demogen {
namespace {

/** Longest a single voice may ring: never more than one loop, so a tail cannot wrap onto itself. */
std::int64_t maxSamples(const Target& t, double seconds)
{
    return std::min<std::int64_t>(t.out.length(), std::int64_t(seconds * t.sampleRate));
}

/** Soft saturation normalised so that full scale in stays full scale out. */
double saturate(double x, double drive) { return std::tanh(drive * x) / std::tanh(drive); }

} // namespace

void kick(Target t, std::int64_t start, double velocity, const KickParams& p, Rng& rng)
{
    const double sr = t.sampleRate;
    Envelope amp(0.0008, p.decaySeconds, 0.0, 0.01, sr);
    Envelope clickEnv(0.0002, 0.0025, 0.0, 0.001, sr);
    Svf clickFilter;
    clickFilter.set(3500.0, 0.7, sr);
    const double sweepK = decayCoef(p.sweepSeconds, sr);
    double sweep = 1.0, phase = 0.0;

    for (std::int64_t i = 0, end = maxSamples(t, 1.5); i < end && !amp.done(); ++i) {
        // The pitch falls exponentially from startHz to endHz: the "thump" of an electronic kick.
        phase += (p.endHz + (p.startHz - p.endHz) * sweep) / sr;
        sweep *= sweepK;
        if (phase >= 1.0) phase -= 1.0;
        const double body = saturate(std::sin(kTwoPi * phase) * amp.next(), p.drive);
        const double click = clickEnv.done() ? 0.0 : clickFilter.process(rng.bipolar()).high * clickEnv.next();
        const double v = velocity * (body + p.click * click) * 0.9;
        t.out.add(start + i, v, v);
    }
}

void snare(Target t, std::int64_t start, double velocity, const SnareParams& p, Rng& rng)
{
    const double sr = t.sampleRate;
    Envelope toneEnv(0.0005, p.toneDecay, 0.0, 0.01, sr);
    Envelope noiseEnv(0.0007, p.noiseDecay, 0.0, 0.01, sr);
    Svf bandL, bandR, airL, airR;
    bandL.set(p.noiseHz, p.noiseQ, sr);
    bandR.set(p.noiseHz * 1.07, p.noiseQ, sr); // slightly different per side: a little width
    airL.set(6000.0, 0.7, sr);
    airR.set(6000.0, 0.7, sr);
    const double bandNorm = 1.0 / p.noiseQ; // TPT band output peaks at Q; bring it back to unity
    const double dropK = decayCoef(0.012, sr);
    double drop = 1.0, ph1 = 0.0, ph2 = 0.0;
    const auto pan = panGains(p.pan);

    for (std::int64_t i = 0, end = maxSamples(t, 1.0); i < end && !(toneEnv.done() && noiseEnv.done()); ++i) {
        const double hz = p.toneHz * (1.0 + 0.4 * drop);
        drop *= dropK;
        ph1 += hz / sr;
        ph2 += hz * 1.62 / sr;
        ph1 -= std::floor(ph1);
        ph2 -= std::floor(ph2);
        const double tone = (std::sin(kTwoPi * ph1) + 0.5 * std::sin(kTwoPi * ph2)) * toneEnv.next();
        const double ne = noiseEnv.next();
        const double nl = rng.bipolar(), nr = rng.bipolar();
        const double noiseL = (bandNorm * bandL.process(nl).band + 0.35 * airL.process(nl).high) * ne;
        const double noiseR = (bandNorm * bandR.process(nr).band + 0.35 * airR.process(nr).high) * ne;
        const double mono = p.toneMix * tone;
        const double rest = 1.0 - p.toneMix;
        t.out.add(start + i, velocity * (mono + rest * noiseL) * pan.left * 1.41,
                  velocity * (mono + rest * noiseR) * pan.right * 1.41);
    }
}

void clap(Target t, std::int64_t start, double velocity, double pan, Rng& rng)
{
    const double sr = t.sampleRate;
    const double offsets[] = {0.0, 0.009, 0.019, 0.028}; // the last one starts the tail
    Envelope bursts[] = {Envelope(0.0003, 0.0035, 0.0, 0.001, sr), Envelope(0.0003, 0.0035, 0.0, 0.001, sr),
                         Envelope(0.0003, 0.0035, 0.0, 0.001, sr), Envelope(0.0008, 0.075, 0.0, 0.01, sr)};
    Svf bandL, bandR;
    bandL.set(1150.0, 1.4, sr);
    bandR.set(1250.0, 1.4, sr);
    const auto g = panGains(pan);

    for (std::int64_t i = 0, end = maxSamples(t, 1.0); i < end && !bursts[3].done(); ++i) {
        double env = 0.0;
        for (int b = 0; b < 4; ++b)
            if (double(i) >= offsets[b] * sr)
                env += (b == 3 ? 0.7 : 1.0) * bursts[b].next();
        const double l = bandL.process(rng.bipolar()).band / 1.4 * env;
        const double r = bandR.process(rng.bipolar()).band / 1.4 * env;
        t.out.add(start + i, velocity * l * g.left * 2.2, velocity * r * g.right * 2.2);
    }
}

void hat(Target t, std::int64_t start, double velocity, const HatParams& p, Rng& rng)
{
    const double sr = t.sampleRate;
    Envelope env(0.0004, p.decaySeconds, 0.0, 0.006, sr);
    Svf hp1, hp2;
    hp1.set(p.cutoffHz, 0.7, sr);
    hp2.set(p.cutoffHz * 1.1, 0.7, sr);
    // A pinch of inharmonic square partials (the classic drum-machine recipe) under the noise.
    const double ratios[] = {1.0, 1.4471, 1.6170, 1.9265, 2.5028, 2.6637};
    Oscillator metal[6];
    for (int m = 0; m < 6; ++m) metal[m].setFrequency(317.0 * ratios[m], sr);
    const auto g = panGains(p.pan);
    const auto choke = std::int64_t(p.chokeSeconds * sr);

    for (std::int64_t i = 0, end = maxSamples(t, 1.0); i < end && !env.done(); ++i) {
        if (i == choke) env.release();
        double m = 0.0;
        for (auto& o : metal) m += o.square();
        const double x = rng.bipolar() + 0.12 * m;
        const double v = velocity * hp2.process(hp1.process(x).high).high * env.next() * 0.8;
        t.out.add(start + i, v * g.left, v * g.right);
    }
}

void bass(Target t, const Note& n, const BassParams& p)
{
    const double sr = t.sampleRate, hz = midiToHz(n.midi);
    // Free-running phase (as if the oscillator never stopped between notes): repeated notes stay
    // phase-coherent, so the loop's spectrum shows clean lines at the note frequencies.
    const double startPhase = hz * double(n.start) / sr - std::floor(hz * double(n.start) / sr);
    Oscillator osc(startPhase), sub(startPhase);
    osc.setFrequency(hz, sr);
    sub.setFrequency(hz, sr); // reinforces the fundamental, the note a listener (and analysis) hears
    Envelope amp(p.attack, p.decay, p.sustain, p.release, sr);
    Envelope filterEnv(0.001, p.filterDecay, 0.0, p.filterDecay, sr);
    Svf lp;
    const auto g = panGains(n.pan);

    for (std::int64_t i = 0, end = maxSamples(t, 4.0); i < end && !amp.done(); ++i) {
        if (i == n.length) { amp.release(); filterEnv.release(); }
        const double fe = filterEnv.next();
        if (i % 8 == 0) lp.set(p.cutoffHz + p.envHz * fe * n.velocity, p.q, sr);
        // Falling saw: its fundamental is in phase with the sub sine (a rising one would cancel it).
        const double x = p.square ? osc.square() : -osc.saw();
        const double y = saturate(0.8 * lp.process(x).low + p.sub * sub.sine(), p.drive) * amp.next();
        t.out.add(n.start + i, n.velocity * y * g.left, n.velocity * y * g.right);
    }
}

void sawChordNote(Target t, const Note& n, const PadParams& p, Rng& rng)
{
    const double sr = t.sampleRate, hz = midiToHz(n.midi);
    Oscillator osc[3] = {Oscillator(rng.unit()), Oscillator(rng.unit()), Oscillator(rng.unit())};
    const double detune[3] = {-p.detuneCents, 0.0, p.detuneCents};
    const PanGains pans[3] = {panGains(n.pan - p.spread), panGains(n.pan), panGains(n.pan + p.spread)};
    for (int v = 0; v < 3; ++v) osc[v].setFrequency(hz * std::pow(2.0, detune[v] / 1200.0), sr);
    Envelope amp(p.attack, p.decay, p.sustain, p.release, sr);
    Envelope filterEnv(0.002, p.filterDecay, 0.0, p.filterDecay, sr);
    Svf lpL, lpR;

    for (std::int64_t i = 0, end = maxSamples(t, 4.0); i < end && !amp.done(); ++i) {
        if (i == n.length) { amp.release(); filterEnv.release(); }
        const double fe = filterEnv.next();
        if (i % 8 == 0) {
            const double cutoff = p.cutoffHz + p.envHz * fe * n.velocity;
            lpL.set(cutoff, 0.8, sr);
            lpR.set(cutoff, 0.8, sr);
        }
        double l = 0.0, r = 0.0;
        for (int v = 0; v < 3; ++v) {
            const double s = osc[v].saw();
            l += s * pans[v].left;
            r += s * pans[v].right;
        }
        const double a = amp.next() * n.velocity * 0.4;
        t.out.add(n.start + i, lpL.process(l).low * a, lpR.process(r).low * a);
    }
}

void ePianoNote(Target t, const Note& n, const EPianoParams& p)
{
    const double sr = t.sampleRate, hz = midiToHz(n.midi);
    Envelope amp(0.002, 1.3, 0.0, 0.09, sr);
    const double indexStart = (0.6 + 1.3 * n.velocity) * p.brightness;
    const double indexK = decayCoef(0.35, sr), tineK = decayCoef(0.018, sr), tineAmpK = decayCoef(0.4, sr);
    double index = 1.0, tine = 1.0, tineAmp = 1.0;
    double carrier = 0.0, mod = 0.0, tineMod = 0.0;
    const double len = double(t.out.length());

    for (std::int64_t i = 0, end = maxSamples(t, 5.0); i < end && !amp.done(); ++i) {
        if (i == n.length) amp.release();
        // Body: carrier and modulator at the same frequency; the index decays, so the note
        // starts bright and mellows, the way a struck tine does.
        const double body = std::sin(kTwoPi * carrier + (0.15 + indexStart * index) * std::sin(kTwoPi * mod));
        const double ding = std::sin(kTwoPi * carrier + 1.2 * tine * std::sin(kTwoPi * tineMod)) * tineAmp;
        carrier += hz / sr;
        mod += hz / sr;
        tineMod += 14.0 * hz / sr;
        carrier -= std::floor(carrier);
        mod -= std::floor(mod);
        tineMod -= std::floor(tineMod);
        index *= indexK;
        tine *= tineK;
        tineAmp *= tineAmpK;
        // Tremolo follows the loop position, not the note, so it is continuous across the wrap.
        const double pos = double(((n.start + i) % t.out.length() + t.out.length()) % t.out.length());
        const auto g = panGains(n.pan + p.tremoloDepth * std::sin(kTwoPi * p.tremoloCycles * pos / len));
        const double v = (0.8 * body + 0.25 * ding) * amp.next() * n.velocity * 0.5;
        t.out.add(n.start + i, v * g.left, v * g.right);
    }
}

void pluck(Target t, const Note& n, double brightness)
{
    const double sr = t.sampleRate, hz = midiToHz(n.midi);
    Oscillator a, b(0.3);
    a.setFrequency(hz, sr);
    b.setFrequency(hz * std::pow(2.0, 6.0 / 1200.0), sr);
    Envelope amp(0.002, 0.22, 0.0, 0.05, sr);
    Envelope filterEnv(0.001, 0.07, 0.0, 0.05, sr);
    Svf lp;
    const auto g = panGains(n.pan);

    for (std::int64_t i = 0, end = maxSamples(t, 2.0); i < end && !amp.done(); ++i) {
        if (i == n.length) { amp.release(); filterEnv.release(); }
        const double fe = filterEnv.next();
        if (i % 8 == 0) lp.set(hz * 1.5 + brightness * 6000.0 * fe * n.velocity, 1.3, sr);
        const double x = 0.7 * a.saw() + 0.35 * b.square();
        const double v = lp.process(x).low * amp.next() * n.velocity;
        t.out.add(n.start + i, v * g.left, v * g.right);
    }
}

void softLead(Target t, const Note& n, Rng& rng)
{
    const double sr = t.sampleRate, hz = midiToHz(n.midi);
    Envelope amp(0.035, 0.5, 0.75, 0.12, sr);
    Svf breathFilter;
    breathFilter.set(hz * 2.0, 2.0, sr);
    double phase = 0.0, vibPhase = 0.0;
    const auto g = panGains(n.pan);

    for (std::int64_t i = 0, end = maxSamples(t, 4.0); i < end && !amp.done(); ++i) {
        if (i == n.length) amp.release();
        // Vibrato fades in after the attack, as a player would add it.
        const double sec = double(i) / sr;
        const double depthCents = 16.0 * std::clamp((sec - 0.18) / 0.25, 0.0, 1.0);
        const double cents = depthCents * std::sin(kTwoPi * vibPhase);
        vibPhase += 5.2 / sr;
        phase += hz * std::pow(2.0, cents / 1200.0) / sr;
        phase -= std::floor(phase);
        const double tone = std::sin(kTwoPi * phase) + 0.22 * std::sin(2.0 * kTwoPi * phase)
                            + 0.1 * std::sin(3.0 * kTwoPi * phase);
        const double breath = 0.25 * breathFilter.process(rng.bipolar()).band;
        const double v = (tone + breath) * amp.next() * n.velocity * 0.6;
        t.out.add(n.start + i, v * g.left, v * g.right);
    }
}

void riser(Target t, std::int64_t start, std::int64_t length, Rng& rng)
{
    const double sr = t.sampleRate;
    const auto fade = std::int64_t(0.03 * sr);
    Svf bandL, bandR, lowL, lowR;
    for (std::int64_t i = 0; i < length; ++i) {
        const double x = double(i) / double(length);
        if (i % 8 == 0) {
            // Exponential sweep: equal musical steps per unit time, as a filter knob turned by ear.
            const double cutoff = 250.0 * std::pow(9000.0 / 250.0, x);
            const double q = 0.9 + 3.0 * x;
            bandL.set(cutoff, q, sr);
            bandR.set(cutoff * 1.04, q, sr);
            lowL.set(cutoff * 0.5, 0.7, sr);
            lowR.set(cutoff * 0.5, 0.7, sr);
        }
        const double swell = x * x * std::min(1.0, double(length - i) / double(fade));
        const double nl = rng.bipolar(), nr = rng.bipolar();
        const double l = (bandL.process(nl).band + 0.4 * lowL.process(nl).low) * swell;
        const double r = (bandR.process(nr).band + 0.4 * lowR.process(nr).low) * swell;
        t.out.add(start + i, l, r);
    }
}

} // namespace loopmind::demogen
