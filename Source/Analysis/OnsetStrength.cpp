#include "Analysis/OnsetStrength.h"
#include "Analysis/AnalysisCommon.h"
#include <algorithm>
#include <cmath>
#include <numeric>

namespace loopmind::analysis::detail {
namespace {
constexpr double kHopSeconds = 0.0116;   // 512 samples at 44.1 kHz
constexpr double kWindowSeconds = 0.046; // 2048 samples at 44.1 kHz
constexpr double kLowestHz = 30.0;
constexpr double kHighestHz = 16000.0;
constexpr double kBandsPerOctave = 4.0;  // narrow enough that a kick gets several bands of its own
constexpr double kRoleLowHz = 150.0;     // "low" energy for the role classifier
constexpr double kFlatLowHz = 150.0, kFlatHighHz = 8000.0;
constexpr double kNoteLowHz = 100.0, kNoteHighHz = 2000.0; // notes' lower partials, above a kick's body
constexpr double kNotePeakRatio = 10.0; // a sinusoid's peak stands 10 dB above the bins 4-8 away; noise rarely does
constexpr double kKickTopHz = 150.0, kSnareLowHz = 1000.0, kSnareTopHz = 5000.0;
constexpr float kCompression = 100.0f;   // log(1 + C|X|) on peak-normalised audio: loud and quiet loops look alike,
                                         // yet accents (a hat at half velocity) still read as weaker

// First bin of each band; every band holds at least one bin so low bands never go empty.
std::vector<int> bandEdges(int numBins, double sampleRate, int fftSize)
{
    const double binHz = sampleRate / fftSize;
    const double top = std::min(kHighestHz, 0.95 * sampleRate / 2.0);
    std::vector<int> edges;
    int edge = std::max(1, int(std::floor(kLowestHz / binHz)));
    edges.push_back(edge);
    for (double f = kLowestHz; f < top;) {
        f *= std::pow(2.0, 1.0 / kBandsPerOctave);
        const int next = std::max(edges.back() + 1, int(std::lround(std::min(f, top) / binHz)));
        if (next >= numBins)
            break;
        edges.push_back(next);
    }
    return edges;
}
/** Geometric over arithmetic mean of the power in bins [lo, hi]; the logs are taken of products of eight
    bins at a time (powers are floored at 1e-20, so a product of eight stays well inside double range). */
float flatnessOf(const std::vector<float>& mag, int lo, int hi)
{
    double logSum = 0.0, linSum = 0.0, product = 1.0;
    int inProduct = 0;
    for (int k = lo; k <= hi; ++k) {
        const double p = double(mag[size_t(k)]) * mag[size_t(k)] + 1e-20;
        linSum += p;
        product *= p;
        if (++inProduct == 8) {
            logSum += std::log(product);
            product = 1.0;
            inProduct = 0;
        }
    }
    logSum += std::log(product);
    const int count = std::max(1, hi - lo + 1);
    return linSum > 1e-18 ? float(std::exp(logSum / count) / (linSum / count)) : 0.0f;
}
} // namespace

OnsetEnvelope computeOnsetEnvelope(const std::vector<float>& mono, double sampleRate)
{
    OnsetEnvelope env;
    if (mono.empty() || !(sampleRate > 0.0))
        return env;
    const double length = double(mono.size());
    const int frames = std::max(1, int(std::lround(length / (kHopSeconds * sampleRate))));
    env.seconds = length / sampleRate;
    env.framesPerSecond = frames / env.seconds;

    float peak = 0.0f;
    for (float s : mono)
        peak = std::max(peak, std::abs(s));
    if (peak < 1e-6f)
        return env; // digital silence has no onsets
    const float gain = kCompression / peak;

    MagnitudeSpectrum spectrum(fftOrderFor(kWindowSeconds, sampleRate));
    const auto edges = bandEdges(spectrum.numBins(), sampleRate, spectrum.size());
    const size_t bands = edges.size() > 1 ? edges.size() - 1 : 0;
    if (bands == 0)
        return env;

    env.binHz = sampleRate / spectrum.size();
    const int lowBin = int(kRoleLowHz / env.binHz);
    const int flatLo = std::max(1, int(kFlatLowHz / env.binHz));
    const int flatHi = std::min(spectrum.numBins() - 1, int(kFlatHighHz / env.binHz));
    env.energy.assign(size_t(frames), 0.0f);
    env.lowEnergy.assign(size_t(frames), 0.0f);
    env.flatness.assign(size_t(frames), 0.0f);
    env.noteEnergy.assign(size_t(frames), 0.0f);
    env.noteBandEnergy.assign(size_t(frames), 0.0f);
    const int noteLo = std::max(9, int(kNoteLowHz / env.binHz)), noteHi = std::min(spectrum.numBins() - 9, int(kNoteHighHz / env.binHz));
    std::vector<char> wasPeak(size_t(spectrum.numBins()), 0), isPeak(size_t(spectrum.numBins()), 0);
    std::vector<float> level(size_t(frames) * bands, 0.0f); // frame-major: level[n * bands + b]
    for (int n = 0; n < frames; ++n) {
        const auto centre = std::int64_t(std::llround(n * length / frames));
        const auto& mag = spectrum.compute(mono, centre - spectrum.size() / 2, true);
        for (size_t b = 0; b < bands; ++b) {
            double power = 0.0;
            for (int k = edges[b]; k < edges[b + 1]; ++k)
                power += double(mag[size_t(k)]) * mag[size_t(k)];
            const double rms = std::sqrt(power / (edges[b + 1] - edges[b]));
            level[size_t(n) * bands + b] = std::log1p(gain * float(rms));
        }
        double e = 0.0, low = 0.0;
        for (int k = 1; k < spectrum.numBins(); ++k) {
            const double p = double(mag[size_t(k)]) * mag[size_t(k)];
            e += p;
            low += k <= lowBin ? p : 0.0;
        }
        env.energy[size_t(n)] = float(e);
        env.lowEnergy[size_t(n)] = float(low);
        env.flatness[size_t(n)] = flatnessOf(mag, flatLo, flatHi);
        // Pitched sound, even a 50 ms staccato note, holds sharp peaks at the same frequency from hop to hop;
        // drums' noise and a kick's falling sweep do not.
        double note = 0.0, band = 0.0;
        auto power = [&](int k) { return double(mag[size_t(k)]) * mag[size_t(k)]; };
        for (int k = noteLo; k <= noteHi; ++k) {
            band += power(k);
            const float m = mag[size_t(k)];
            isPeak[size_t(k)] = 0;
            if (m < mag[size_t(k - 1)] || m < mag[size_t(k + 1)] || m < mag[size_t(k - 2)] || m < mag[size_t(k + 2)])
                continue;
            double around = 0.0;
            for (int d = 4; d <= 8; ++d)
                around += power(k - d) + power(k + d);
            if (power(k) < kNotePeakRatio * around / 10.0)
                continue;
            isPeak[size_t(k)] = 1;
            if (wasPeak[size_t(k - 1)] || wasPeak[size_t(k)] || wasPeak[size_t(k + 1)])
                note += power(k - 1) + power(k) + power(k + 1);
        }
        std::swap(wasPeak, isPeak);
        env.noteEnergy[size_t(n)] = float(note);
        env.noteBandEnergy[size_t(n)] = float(band);
    }

    // Band groups for the octave decision: a kick's body lives below 150 Hz, a snare's crack at 1-5 kHz
    // (above a kick's pitch sweep, below most of a hi-hat).
    size_t lowBands = 0, midBegin = bands, midEnd = 0;
    for (size_t b = 0; b < bands; ++b) {
        const double bottomHz = edges[b] * env.binHz, topHz = edges[b + 1] * env.binHz;
        lowBands += topHz <= kKickTopHz ? 1 : 0;
        midBegin = bottomHz >= kSnareLowHz ? std::min(midBegin, b) : midBegin;
        midEnd = topHz <= kSnareTopHz ? b + 1 : midEnd;
    }
    midBegin = std::min(midBegin, midEnd);
    env.values.assign(size_t(frames), 0.0f);
    env.low.assign(size_t(frames), 0.0f);
    env.mid.assign(size_t(frames), 0.0f);
    for (int n = 0; n < frames; ++n) {
        const float* now = level.data() + size_t(n) * bands;
        const float* before = level.data() + size_t((n + frames - 1) % frames) * bands;
        double flux = 0.0, low = 0.0, mid = 0.0;
        for (size_t b = 0; b < bands; ++b) {
            const float rise = std::max(0.0f, now[b] - before[b]);
            flux += rise;
            low += b < lowBands ? rise : 0.0f;
            mid += b >= midBegin && b < midEnd ? rise : 0.0f;
        }
        env.values[size_t(n)] = float(flux / double(bands));
        env.low[size_t(n)] = float(low / double(std::max<size_t>(1, lowBands)));
        env.mid[size_t(n)] = float(mid / double(std::max<size_t>(1, midEnd - midBegin)));
    }
    return env;
}

double lowEnergyShare(const OnsetEnvelope& envelope)
{
    double low = 0.0, all = 0.0;
    for (size_t i = 0; i < envelope.energy.size() && i < envelope.lowEnergy.size(); ++i) {
        low += envelope.lowEnergy[i];
        all += envelope.energy[i];
    }
    return all > 0.0 ? low / all : 0.0;
}

std::vector<int> pickOnsets(const OnsetEnvelope& envelope)
{
    std::vector<int> peaks;
    const auto& v = envelope.values;
    const int n = int(v.size());
    if (n < 3)
        return peaks;
    std::vector<float> sorted(v);
    std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.end());
    const float median = sorted[size_t(n / 2)];
    const float peak = *std::max_element(v.begin(), v.end());
    // Quieter than a tenth of the loudest onset (above the floor) is texture, not an event.
    const float threshold = median + 0.1f * (peak - median);
    if (peak < 1e-3f)
        return peaks;
    const int radius = std::max(1, int(std::lround(0.05 * envelope.framesPerSecond)));
    for (int i = 0; i < n; ++i) {
        if (v[size_t(i)] <= threshold)
            continue;
        bool isMax = true;
        for (int d = -radius; d <= radius && isMax; ++d) {
            if (d == 0)
                continue;
            const int j = ((i + d) % n + n) % n;
            // Ties go to the earlier frame so a flat top counts once.
            isMax = d < 0 ? v[size_t(j)] < v[size_t(i)] : v[size_t(j)] <= v[size_t(i)];
        }
        if (isMax)
            peaks.push_back(i);
    }
    return peaks;
}

} // namespace loopmind::analysis::detail
