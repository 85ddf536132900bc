#pragma once
// What the library knows about one loop file: its format and the analysis of its audio.
#include "Analysis/WaveformSummary.h"
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace loopmind {

struct LoopInfo {
    std::filesystem::path path; // as given or found, verbatim
    bool ok = false;
    std::optional<std::string> error;   // a sentence naming the file and the problem
    std::optional<std::string> warning; // loaded, but something was off (e.g. truncated)

    double durationSeconds = 0;
    double sampleRate = 0;
    int channels = 0;
    int bitDepth = 0;
    std::string format;

    std::optional<double> bpm;
    double bpmConfidence = 0;
    int beats = 0;
    bool tempoFromFile = false; // the file states it (ACID chunk, Apple Loops) and its length agrees: not estimated
    std::optional<std::string> key;
    double keyConfidence = 0;
    std::optional<std::string> role;
    double roleConfidence = 0;

    std::optional<double> lufs, truePeakDb, lra;

    /** The seam when the loop repeats (Analysis/LoopWrap): its jump in dBFS and whether it would click as
        recorded. Playback mends such seams (Library/SeamlessLoop); this says which loops needed it. */
    std::optional<double> wrapJumpDb;
    bool wrapClicks = false;

    /** Min/max overview for thumbnails, computed at analysis time and kept in the analysis cache, so
        drawing a loop never decodes it again. Empty when the file failed to load. At most
        analysis::kLibraryWaveformMaxBins bins at the finest level; see Analysis/WaveformSummary.h.
        Not part of toJson (it is for drawing, not for reading). */
    analysis::WaveformSummary waveform;
};

nlohmann::json toJson(const LoopInfo& info);

} // namespace loopmind
