#pragma once
// Everything the estimators read, measured once per loop: the mono mix at the analysis rate, one STFT pass
// (onset envelope plus the per-frame spectral figures the role classifier needs) and the chroma. Tempo,
// key and role each used to recompute these; analyseLoop computes them once and hands them to all three.
#include "Analysis/Chroma.h"
#include "Analysis/LoopAnalysis.h"
#include "Analysis/LowPeriodicity.h"
#include "Analysis/NameHints.h"
#include "Analysis/OnsetStrength.h"
#include <string>
#include <vector>

namespace loopmind::analysis::detail {

struct LoopFeatures {
    double seconds = 0.0;       // length of the loop as given
    double analysisRate = 0.0;  // rate of `mono` (22.05/24 kHz for 44.1/48 kHz files)
    double sourceRate = 0.0;    // the file's own rate: loops are cut to whole beats in its samples
    std::vector<float> mono;    // channel average, decimated for analysis
    OnsetEnvelope onsets;       // empty unless asked for
    ChromaAnalysis chroma;      // empty unless asked for
    ChromaAnalysis shortNotes;  // with the chroma: the same on 93 ms frames, for stabs and plucks
    LowPitchProfile lowPitch;   // with the chroma: periodicity and pitch of the sound below ~1 kHz
};

struct FeatureParts {
    bool rhythm = true; // onset envelope and frame figures
    bool chroma = true;
};

LoopFeatures measureLoopFeatures(const juce::AudioBuffer<float>& audio, double sampleRate, FeatureParts parts = {});

TempoEstimate estimateTempo(const LoopFeatures& features, const std::string& nameHint);
/** What the key may be read from when the chroma holds too few lasting notes, given by what the loop is. */
struct KeySources {
    const LowPitchProfile* bassLine = nullptr; // a bass line: its notes' roots, its opening note as the tonic
    const ChromaAnalysis* shortNotes = nullptr; // pitched material: the 93 ms chroma (stabs, plucks)
    bool singleLine = false; // one note at a time above the bass (a lead, an arpeggio): it opens on its tonic
    double beatSeconds = 0.0; // the loop's beat (0: no tempo), to weigh notes by where they fall in the bar
};
KeyEstimate estimateKey(const ChromaAnalysis& chroma, const std::optional<KeyHint>& hint = std::nullopt,
                        const KeySources& more = {});
/** audioOnlyTempo: the tempo estimated without a name hint (an arrhythmic loop is fx-like). */
RoleEstimate classifyRole(const LoopFeatures& features, const TempoEstimate& audioOnlyTempo, const std::string& nameHint);

} // namespace loopmind::analysis::detail
