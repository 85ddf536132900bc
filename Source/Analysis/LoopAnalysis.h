#pragma once
// Pure analysis of one decoded loop: no files, no globals. Every function is deterministic.
#include "Analysis/WaveformSummary.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <optional>
#include <string>
#include <vector>

namespace loopmind::analysis {

struct TempoEstimate {
    std::optional<double> bpm;   // null for one-shots and arrhythmic material
    double confidence = 0.0;     // 0..1
    int beats = 0;               // whole beats the loop spans at bpm (0 when bpm is null)
};

/** A key stated outside the audio (the file's name, an ACID root note, Apple Loops' key): its tonic (C = 0) and,
    when stated, its mode. It decides between keys the notes fit about equally well, never against them. */
struct KeyHint {
    int tonic = 0;
    std::optional<bool> minor; // null: the mode is not stated (an ACID root note)
};

struct KeyEstimate {
    std::optional<std::string> key; // "A minor", "F# major", "none" (unpitched), or null (unsure)
    double confidence = 0.0;
};

struct RoleEstimate {
    std::optional<std::string> role; // drums, bass, chords, melody, fx, vocal, or null
    double confidence = 0.0;
};

struct LoudnessMeasurement {
    std::optional<double> integratedLufs; // null for silence (EBU R128 gating leaves nothing)
    std::optional<double> truePeakDb;     // dBTP, null for digital silence
    std::optional<double> lra;            // LU
};

struct AnalysisResult {
    TempoEstimate tempo;
    KeyEstimate key;
    RoleEstimate role;
    LoudnessMeasurement loudness;
};

/** Tempo, key, role and loudness in one pass: the spectral front end is computed once and shared (the
    single functions below each compute the part they need). The library calls this. */
AnalysisResult analyseLoop(const juce::AudioBuffer<float>& audio, double sampleRate, const std::string& nameHint,
                           std::optional<KeyHint> statedKey = std::nullopt);

/** nameHint: file and folder names (e.g. "Pack 97/kick_120bpm.wav"), a weak hint only. */
TempoEstimate estimateTempo(const juce::AudioBuffer<float>& audio, double sampleRate, const std::string& nameHint);
KeyEstimate estimateKey(const juce::AudioBuffer<float>& audio, double sampleRate);
RoleEstimate classifyRole(const juce::AudioBuffer<float>& audio, double sampleRate, const std::string& nameHint);
LoudnessMeasurement measureLoudness(const juce::AudioBuffer<float>& audio, double sampleRate);
WaveformSummary summariseWaveform(const juce::AudioBuffer<float>& audio, int finestSamplesPerBin = 256);
/** The summary LoopInfo carries and the analysis cache stores: at most kLibraryWaveformMaxBins at the
    finest level, values rounded outwards to steps of 1/127 (so storing them as 8-bit is lossless). */
WaveformSummary summariseWaveformForLibrary(const juce::AudioBuffer<float>& audio);

} // namespace loopmind::analysis
