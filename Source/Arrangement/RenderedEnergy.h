#pragma once
// The energy curve measured back from a render: short-term loudness per section (libebur128), compared with the
// target energies by rank (Spearman's rho), and each drop against the quiet section before it. The render should be
// unmastered (the plain sum, Render/UnmasteredRender.h), so a limiter cannot flatten the arc it measures.
#include "Arrangement/ArrangementChecker.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <functional>

namespace loopmind {

/** Mean short-term loudness (3 s windows every 0.5 s, averaged as energy) of each section, in LUFS; -70 for silence. */
std::vector<double> sectionLoudness(const juce::AudioBuffer<float>& mix, double sampleRate, const Arrangement& a);
/** The same over audio read piece by piece (a long song's render from its file): read(start, n, out) fills n
    interleaved frames from `start`, false when it cannot (the section's rest is not measured). */
using FrameReader = std::function<bool(std::int64_t start, int n, float* interleaved)>;
std::vector<double> sectionLoudness(const FrameReader& read, std::int64_t length, int channels, double sampleRate,
                                    const Arrangement& a);

/** Spearman's rank correlation (ties share their mean rank); 0 when either side is constant. */
double spearman(const std::vector<double>& x, const std::vector<double>& y);

/** A drop is a section at the song's highest target energy; its break is the quietest-by-target section since the
    previous drop (or the song's start). Each drop must measure at least this much louder than its break. */
constexpr double minDropOverBreakLu = 3.0, minEnergyRho = 0.8;

struct EnergyMeasurement {
    std::vector<double> loudness;     // LUFS per section
    std::vector<double> layers;       // mean tracks playing per section
    double rhoLoudness = 0, rhoLayers = 0;
    double smallestDropOverBreak = 0; // LU; 0 when the song has no drop with a quieter section before it
    int drops = 0;
};

EnergyMeasurement measureEnergy(const Arrangement& a, const std::vector<double>& loudness);

/** energy-correlation (rho of target vs measured loudness) and drop-over-break, as findings. */
std::vector<CheckFinding> renderedEnergyFindings(const EnergyMeasurement& m);

} // namespace loopmind
