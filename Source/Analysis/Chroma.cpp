#include "Analysis/Chroma.h"
#include "Analysis/AnalysisCommon.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis::detail {
namespace {
constexpr double kLowHz = 50.0, kHighHz = 5000.0; // below: rumble and kick bodies; above: mostly overtones and noise
constexpr double kFrameSeconds = 0.186;           // 8192 samples at 44.1/48 kHz: ~5.5 Hz bins. 4096 would blur the
                                                  // A3 and C4 of a low chord into one lobe.
constexpr double kShortFrameSeconds = 0.093;     // 1024 samples at 11 kHz: ~10.8 Hz bins, a semitone from ~190 Hz
constexpr double kShortLowHz = 100.0;
constexpr float kProminence = 8.0f;               // 18 dB above the valleys either side: a sinusoid, not noise
constexpr float kFloor = 3e-4f;                   // -70 dB of full scale (audio is peak-normalised first)
constexpr double kHarmonicTolerance = 0.03;       // partials within 3% of an integer multiple belong to a note

struct Fundamental {
    double hz = 0.0;
    float amplitude = 0.0f; // of its own partial
    float votes = 0.0f;     // its partial plus the overtones it explains
};

struct Peak {
    double hz = 0.0;
    float amplitude = 0.0f;
    float energy = 0.0f;
    bool lasting = false;
};

/** The higher of the two valleys within three bins either side: a Hann-windowed sinusoid falls into
    its first null two bins out, so a real partial towers over both valleys; noise peaks do not. */
float higherValley(const std::vector<float>& mag, int k)
{
    float left = mag[size_t(k)], right = mag[size_t(k)];
    for (int d = 1; d <= 3; ++d) {
        left = std::min(left, mag[size_t(std::max(1, k - d))]);
        right = std::min(right, mag[size_t(std::min(int(mag.size()) - 1, k + d))]);
    }
    return std::max(left, right);
}

std::vector<Peak> findPeaks(const std::vector<float>& mag, int lo, int hi, double binHz)
{
    std::vector<Peak> peaks;
    float frameMax = 0.0f;
    for (int k = lo; k <= hi; ++k)
        frameMax = std::max(frameMax, mag[size_t(k)]);
    const float threshold = std::max(kFloor, frameMax * 0.003f); // 50 dB below the frame's loudest partial
    for (int k = std::max(lo, 1); k <= hi; ++k) {
        const float m = mag[size_t(k)];
        if (m < threshold || m <= mag[size_t(k - 1)] || m < mag[size_t(k + 1)])
            continue;
        if (m < kProminence * higherValley(mag, k))
            continue;
        // Parabolic interpolation on log magnitude: within a few cents for a Hann-windowed sinusoid.
        const double a = std::log(mag[size_t(k - 1)] + 1e-12), b = std::log(m + 1e-12), c = std::log(mag[size_t(k + 1)] + 1e-12);
        const double denominator = a - 2.0 * b + c;
        const double offset = std::abs(denominator) > 1e-12 ? std::clamp(0.5 * (a - c) / denominator, -0.5, 0.5) : 0.0;
        Peak p;
        p.hz = (k + offset) * binHz;
        p.amplitude = m;
        p.energy = mag[size_t(k - 1)] * mag[size_t(k - 1)] + m * m + mag[size_t(k + 1)] * mag[size_t(k + 1)];
        peaks.push_back(p);
    }
    return peaks;
}

bool hasNeighbour(const std::vector<Peak>& frame, double hz, double binHz)
{
    // Within half a semitone (at least 1.5 bins): allows vibrato, rejects unrelated partials.
    const double tolerance = std::max(1.5 * binHz, hz * (std::pow(2.0, 0.5 / 12.0) - 1.0));
    for (const auto& p : frame)
        if (std::abs(p.hz - hz) <= tolerance)
            return true;
    return false;
}

constexpr double kHarmonicTopHz = 2000.0;         // where a note's partials still stand clear of each other
constexpr double kLowestFundamentalHz = 35.0;

/** Energy of the frame's peaks that are whole multiples of one fundamental, when at least three are and they fill
    most of the harmonics between their lowest and highest: a pitched note's partials line up (even a slap bass's,
    whose thump makes its waveform repeat poorly), a drum's membrane modes and a cymbal's noise do not. */
struct HarmonicNote {
    float energy = 0.0f; // of its partials
    double hz = 0.0;     // its fundamental (an octave of it: a series of f also fits f / 2)
};

HarmonicNote harmonicNote(const std::vector<Peak>& frame, double binHz)
{
    std::vector<const Peak*> strongest;
    for (const auto& p : frame)
        if (p.hz <= kHarmonicTopHz)
            strongest.push_back(&p);
    if (strongest.size() < 3)
        return {};
    std::sort(strongest.begin(), strongest.end(), [](const Peak* a, const Peak* b) { return a->amplitude > b->amplitude; });
    strongest.resize(std::min<size_t>(strongest.size(), 10));
    HarmonicNote best;
    for (size_t i = 0; i < std::min<size_t>(strongest.size(), 3); ++i)
        for (int divisor = 1; divisor <= 6; ++divisor) {
            const double f0 = strongest[i]->hz / divisor;
            if (f0 < kLowestFundamentalHz)
                break;
            float energy = 0.0f;
            int matched = 0, lowest = 1 << 20, highest = 0;
            for (const Peak* p : strongest) {
                const double k = std::round(p->hz / f0);
                if (k < 1.0 || std::abs(p->hz - k * f0) > std::max(0.35 * binHz, 0.015 * p->hz))
                    continue;
                energy += p->energy;
                ++matched;
                lowest = std::min(lowest, int(k));
                highest = std::max(highest, int(k));
            }
            // Three or more partials, filling at least half of the harmonic numbers they span (chance fits of
            // a low fundamental to scattered modes leave most of them empty).
            if (matched >= 3 && 2 * matched >= highest - lowest + 1 && energy > best.energy)
                best = { energy, f0 };
        }
    return best;
}
} // namespace

namespace {
/** Frames of frameSeconds every hopsPerFrame-th of a frame; a partial lasts when the frame half a frame away has it. */
ChromaAnalysis chromaOn(const std::vector<float>& mono, double sampleRate, double frameSeconds, double lowHz, int hopsPerFrame)
{
    ChromaAnalysis result;
    if (mono.empty() || !(sampleRate > 0.0))
        return result;
    float peak = 0.0f;
    for (float s : mono)
        peak = std::max(peak, std::abs(s));
    if (peak < 1e-6f)
        return result;
    const float gain = 1.0f / peak;

    MagnitudeSpectrum spectrum(fftOrderFor(frameSeconds, sampleRate));
    const int hop = spectrum.size() / hopsPerFrame;
    const int lastingHops = hopsPerFrame / 2;
    const int frames = std::max(1, int((std::int64_t(mono.size()) + hop - 1) / hop));
    const double binHz = sampleRate / spectrum.size();
    const int lo = std::max(2, int(std::ceil(lowHz / binHz)));
    const int hi = std::min(spectrum.numBins() - 2, int(std::floor(kHighHz / binHz)));
    result.secondsPerFrame = hop / sampleRate;
    if (hi <= lo)
        return result;

    std::vector<std::vector<Peak>> peaks(static_cast<size_t>(frames));
    std::vector<float> scaled(static_cast<size_t>(spectrum.numBins()));
    result.energy.assign(size_t(frames), 0.0f);
    const int harmonicLo = int(std::ceil(100.0 / binHz)), harmonicHi = int(std::floor(kHarmonicTopHz / binHz));
    double harmonicBand = 0.0, harmonic = 0.0;
    for (int n = 0; n < frames; ++n) {
        const auto& mag = spectrum.compute(mono, std::int64_t(n) * hop - spectrum.size() / 2, true);
        double energy = 0.0;
        for (size_t k = 0; k < scaled.size(); ++k) {
            scaled[k] = mag[k] * gain;
            if (int(k) >= lo && int(k) <= hi)
                energy += double(scaled[k]) * scaled[k];
            if (int(k) >= harmonicLo && int(k) <= harmonicHi)
                harmonicBand += double(scaled[k]) * scaled[k];
        }
        result.energy[size_t(n)] = float(energy);
        peaks[size_t(n)] = findPeaks(scaled, lo, hi, binHz);
        const auto note = harmonicNote(peaks[size_t(n)], binHz);
        if (note.energy > 0.0f) {
            harmonic += note.energy;
            result.harmonicNotes[size_t(pitchClassOf(note.hz))] += note.energy;
            if (n < frames / 4)
                result.openingHarmonicNotes[size_t(pitchClassOf(note.hz))] += note.energy;
        }
    }
    result.harmonicity = harmonicBand > 0.0 ? clamp01(harmonic / harmonicBand) : 0.0;

    // A partial is "lasting" when the frame half a frame (~93 ms in the long frames) before or after, which overlaps this one
    // by only half, has it too: clicks and noise flukes do not last, notes do. The loop wraps.
    for (int n = 0; n < frames; ++n)
        for (auto& p : peaks[size_t(n)])
            p.lasting = frames > lastingHops
                && (hasNeighbour(peaks[size_t((n + frames - lastingHops) % frames)], p.hz, binHz)
                    || hasNeighbour(peaks[size_t((n + lastingHops) % frames)], p.hz, binHz));

    result.frames.assign(size_t(frames), {});
    result.tonalEnergy.assign(size_t(frames), 0.0f);
    result.pitchClasses.assign(size_t(frames), 0);
    result.lowestPitchHz.assign(size_t(frames), 0.0f);
    double totalEnergy = 0.0, totalTonal = 0.0;
    for (int n = 0; n < frames; ++n) {
        auto& chroma = result.frames[size_t(n)];
        const auto& framePeaks = peaks[size_t(n)];
        float loudest = 0.0f;
        for (const auto& p : framePeaks)
            if (p.lasting) {
                loudest = std::max(loudest, p.amplitude);
                result.tonalEnergy[size_t(n)] += p.energy;
            }
        // Group partials into notes, lowest first. A partial at a whole multiple h of a note's frequency
        // is that note's overtone up to the level of a sawtooth's (A / h); any excess is a note of its
        // own (the B of a G chord over a G bass, whose 5th partial it shares). Overtones vote for their
        // note's pitch class, so a C's G and E partials do not make it sound like a C major chord.
        std::vector<Fundamental> notes;
        for (const auto& p : framePeaks) {
            if (!p.lasting)
                continue;
            float own = p.amplitude;
            for (auto& f : notes) {
                const double ratio = p.hz / f.hz, whole = std::round(ratio);
                if (whole < 2.0 || std::abs(ratio - whole) >= kHarmonicTolerance * whole)
                    continue;
                const float explained = std::min(own, f.amplitude / float(whole));
                f.votes += explained;
                own -= explained;
                if (own <= 0.0f)
                    break;
            }
            if (own > 0.0f)
                notes.push_back({ p.hz, own, own });
        }
        std::array<bool, 12> seen {};
        for (const auto& f : notes) {
            const double midi = midiOf(f.hz), nearest = std::round(midi);
            // Full vote in tune, none a quarter-tone away: the tuning is fixed at A4 = 440 Hz.
            const double inTune = std::cos(juce::MathConstants<double>::pi * (midi - nearest));
            const int pc = ((int(nearest) % 12) + 12) % 12;
            chroma[size_t(pc)] += f.votes * float(inTune * inTune);
            // Polyphony counts notes within 20 dB of the loudest partial.
            if (f.amplitude >= 0.1f * loudest) {
                if (!seen[size_t(pc)] && result.lowestPitchHz[size_t(n)] <= 0.0f)
                    result.lowestPitchHz[size_t(n)] = float(f.hz);
                seen[size_t(pc)] = true;
            }
        }
        result.pitchClasses[size_t(n)] = int(std::count(seen.begin(), seen.end(), true));

        for (int pc = 0; pc < 12; ++pc)
            result.mean[size_t(pc)] += chroma[size_t(pc)];
        totalEnergy += result.energy[size_t(n)];
        totalTonal += result.tonalEnergy[size_t(n)];
    }
    double sum = 0.0;
    for (double v : result.mean)
        sum += v;
    for (double& v : result.mean)
        v = sum > 0.0 ? v / sum : 0.0;
    result.tonalness = totalEnergy > 0.0 ? clamp01(totalTonal / totalEnergy) : 0.0;
    return result;
}

} // namespace

ChromaAnalysis analyseChroma(const std::vector<float>& mono, double sampleRate)
{
    return chromaOn(mono, sampleRate, kFrameSeconds, kLowHz, 4);
}

ChromaAnalysis analyseShortNoteChroma(const std::vector<float>& mono, double sampleRate)
{
    return chromaOn(mono, sampleRate, kShortFrameSeconds, kShortLowHz, 2); // half the work: only its totals are read
}

} // namespace loopmind::analysis::detail
