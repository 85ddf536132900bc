#include "Arrangement/RenderedEnergy.h"
#include "Arrangement/NumberText.h"
#include <algorithm>
#include <cmath>
#include <ebur128.h>
#include <memory>

namespace loopmind {

namespace {
struct StateDeleter {
    void operator()(ebur128_state* s) const { ebur128_destroy(&s); }
};

std::vector<double> ranks(const std::vector<double>& v)
{
    std::vector<size_t> order(v.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return v[x] < v[y]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        for (size_t k = i; k <= j; ++k) r[order[k]] = double(i + j) / 2.0 + 1.0;
        i = j + 1;
    }
    return r;
}

std::string fixed(double v) { return fixedText(v, 2); }
} // namespace

std::vector<double> sectionLoudness(const FrameReader& read, std::int64_t length, int channels, double sampleRate,
                                   const Arrangement& a)
{
    std::vector<double> out;
    const int hop = int(std::lround(0.5 * sampleRate));
    std::vector<float> interleaved;
    for (const auto& s : a.sections) {
        const auto first = std::min(a.sampleAtBar(s.startBar), length), last = std::min(a.sampleAtBar(s.startBar + s.bars), length);
        std::unique_ptr<ebur128_state, StateDeleter> st(ebur128_init(unsigned(channels), (unsigned long)(sampleRate + 0.5), EBUR128_MODE_S));
        double energy = 0;
        int windows = 0;
        for (auto pos = first; pos < last; pos += hop) {
            const int n = int(std::min<std::int64_t>(hop, last - pos));
            interleaved.resize(size_t(n * channels));
            if (!read(pos, n, interleaved.data()))
                break;
            ebur128_add_frames_float(st.get(), interleaved.data(), size_t(n));
            double lufs = -HUGE_VAL;
            // A window counts once it lies wholly inside the section (3 s of it fed), or at the end of a shorter one.
            if ((pos + n - first >= std::int64_t(3 * sampleRate) || pos + n >= last)
                && ebur128_loudness_shortterm(st.get(), &lufs) == EBUR128_SUCCESS) {
                energy += std::isfinite(lufs) ? std::pow(10.0, lufs / 10.0) : 0.0;
                ++windows;
            }
        }
        out.push_back(windows > 0 && energy > 0 ? std::max(-70.0, 10.0 * std::log10(energy / windows)) : -70.0);
    }
    return out;
}

std::vector<double> sectionLoudness(const juce::AudioBuffer<float>& mix, double sampleRate, const Arrangement& a)
{
    const int channels = mix.getNumChannels();
    const FrameReader read = [&](std::int64_t start, int n, float* interleaved) {
        for (int c = 0; c < channels; ++c)
            for (int i = 0; i < n; ++i) interleaved[i * channels + c] = mix.getSample(c, int(start) + i);
        return true;
    };
    return sectionLoudness(read, mix.getNumSamples(), channels, sampleRate, a);
}

double spearman(const std::vector<double>& x, const std::vector<double>& y)
{
    if (x.size() != y.size() || x.size() < 2)
        return 0;
    const auto rx = ranks(x), ry = ranks(y);
    const double n = double(x.size()), mean = (n + 1) / 2;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

EnergyMeasurement measureEnergy(const Arrangement& a, const std::vector<double>& loudness)
{
    EnergyMeasurement m;
    m.loudness = loudness;
    m.layers = sectionLayerCounts(a);
    std::vector<double> target;
    double top = 0;
    for (const auto& s : a.sections) {
        target.push_back(s.energy);
        top = std::max(top, s.energy);
    }
    m.rhoLoudness = spearman(target, m.loudness);
    m.rhoLayers = spearman(target, m.layers);
    size_t since = 0;
    bool first = true;
    for (size_t i = 0; i < a.sections.size(); ++i) {
        if (a.sections[i].energy < top)
            continue;
        size_t quiet = i;
        for (size_t k = since; k < i; ++k)
            if (quiet == i || a.sections[k].energy < a.sections[quiet].energy) quiet = k;
        if (quiet != i && a.sections[quiet].energy < top) {
            const double lift = m.loudness[i] - m.loudness[quiet];
            m.smallestDropOverBreak = first ? lift : std::min(m.smallestDropOverBreak, lift);
            first = false;
            ++m.drops;
        }
        since = i + 1;
    }
    return m;
}

std::vector<CheckFinding> renderedEnergyFindings(const EnergyMeasurement& m)
{
    std::string measured;
    for (double l : m.loudness) measured.append(measured.empty() ? "" : ", ").append(fixed(l));
    return { { "energy-correlation", m.rhoLoudness >= minEnergyRho,
               "Spearman rho of target energy vs measured short-term loudness " + fixed(m.rhoLoudness) + " (at least "
                   + fixed(minEnergyRho) + "; vs active layers " + fixed(m.rhoLayers) + "); sections measure " + measured + " LUFS" },
             { "drop-over-break", m.drops > 0 && m.smallestDropOverBreak >= minDropOverBreakLu,
               m.drops == 0 ? "no drop with a quieter section before it"
                            : "smallest lift of a drop over the quiet section before it " + fixed(m.smallestDropOverBreak) + " LU over "
                                  + std::to_string(m.drops) + " drops (at least " + fixed(minDropOverBreakLu) + ")" } };
}

} // namespace loopmind
