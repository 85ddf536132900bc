#pragma once
// What the app asks of a render (the render panel's choices, saved with the project) and what it gave back
// (shown by the panel). App/RenderTask runs it.
#include "Render/AIAsyncRenderer.h"
#include <filesystem>
#include <string>
#include <vector>

namespace loopmind {

struct RenderSettings {
    bool mix = true;                       // false: stems only (the mix is not kept)
    bool stems = true;
    std::filesystem::path folder;          // mix.<ext>, stems/, arrangement.json, render-report.json go here
    AudioFileFormat format = AudioFileFormat::wav;
    int bitDepth = 24;                     // 16, 24, 32 (float, WAV only)
    double sampleRate = 44100;
    std::string loudnessPreset = "streaming"; // streaming, broadcast, apple, club (core mastering presets) or none (plain sum)
    std::vector<std::filesystem::path> freezeFolders; // where frozen tracks' freeze files are (the app's, not saved)
};

struct RenderOutcome {
    RenderReport report;
    std::vector<std::string> problems;     // tracks that could not be prepared (rendered silent)
    std::filesystem::path arrangementPath, reportPath;
};

} // namespace loopmind
