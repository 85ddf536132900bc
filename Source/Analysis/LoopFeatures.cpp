#include "Analysis/LoopFeatures.h"
#include "Analysis/AnalysisCommon.h"
#include "Analysis/Decimation.h"

namespace loopmind::analysis {
namespace {
// Onsets and spectral shape up to ~10 kHz: 22.05/24 kHz. Chroma only needs 50 Hz-5 kHz: 11.025/12 kHz.
constexpr double kMaxRhythmRate = 30000.0;
constexpr double kMaxChromaRate = 15000.0;
} // namespace

namespace detail {

LoopFeatures measureLoopFeatures(const juce::AudioBuffer<float>& audio, double sampleRate, FeatureParts parts)
{
    LoopFeatures f;
    if (!(sampleRate > 0.0) || audio.getNumSamples() <= 0 || audio.getNumChannels() <= 0)
        return f;
    f.seconds = audio.getNumSamples() / sampleRate;
    f.analysisRate = sampleRate;
    f.sourceRate = sampleRate;
    f.mono = decimateTo(mixToMono(audio), f.analysisRate, kMaxRhythmRate);
    if (parts.rhythm)
        f.onsets = computeOnsetEnvelope(f.mono, f.analysisRate);
    if (parts.chroma) {
        double chromaRate = f.analysisRate;
        const auto low = decimateTo(f.mono, chromaRate, kMaxChromaRate);
        f.chroma = analyseChroma(low, chromaRate);
        f.shortNotes = analyseShortNoteChroma(low, chromaRate);
        f.lowPitch = lowPitchProfile(low, chromaRate);
    }
    return f;
}

} // namespace detail

AnalysisResult analyseLoop(const juce::AudioBuffer<float>& audio, double sampleRate, const std::string& nameHint,
                           std::optional<KeyHint> statedKey)
{
    AnalysisResult r;
    const auto features = detail::measureLoopFeatures(audio, sampleRate);
    r.tempo = detail::estimateTempo(features, nameHint);
    // The role's "arrhythmic means fx" rule wants the audio's own answer, not one a name supplied.
    const auto audioOnly = nameHint.empty() ? r.tempo : detail::estimateTempo(features, "");
    r.role = detail::classifyRole(features, audioOnly, nameHint);
    // Drums' short partials (toms, tuned kicks) are no key; a bass line's roots and a stab's short notes are.
    detail::KeySources more;
    if (r.role.role && *r.role.role == "bass")
        more.bassLine = &features.lowPitch;
    if (r.role.role && *r.role.role != "drums" && *r.role.role != "fx")
        more.shortNotes = &features.shortNotes;
    more.singleLine = r.role.role && *r.role.role == "melody" && features.lowPitch.singleNote >= 0.85 && features.lowPitch.lowNote < 0.3;
    if (r.tempo.bpm && *r.tempo.bpm > 0.0)
        more.beatSeconds = 60.0 / *r.tempo.bpm;
    r.key = detail::estimateKey(features.chroma, statedKey ? statedKey : detail::keyInName(nameHint), more); // the file's word first
    r.loudness = measureLoudness(audio, sampleRate);
    return r;
}

TempoEstimate estimateTempo(const juce::AudioBuffer<float>& audio, double sampleRate, const std::string& nameHint)
{
    // Chroma too: the octave choice reads how tonal the loop is.
    return detail::estimateTempo(detail::measureLoopFeatures(audio, sampleRate), nameHint);
}

KeyEstimate estimateKey(const juce::AudioBuffer<float>& audio, double sampleRate)
{
    return detail::estimateKey(detail::measureLoopFeatures(audio, sampleRate, { false, true }).chroma);
}

RoleEstimate classifyRole(const juce::AudioBuffer<float>& audio, double sampleRate, const std::string& nameHint)
{
    const auto features = detail::measureLoopFeatures(audio, sampleRate);
    return detail::classifyRole(features, detail::estimateTempo(features, ""), nameHint);
}

} // namespace loopmind::analysis
