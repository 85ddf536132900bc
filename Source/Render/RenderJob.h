#pragma once
// Everything the renderer needs, already prepared: tracks with stereo audio at the job's rate and
// where on the timeline each plays, the length, and where to write. A copy, never shared with the live engine.
#include "Core/SpillBuffer.h"
#include "Engine/TrackGraph.h"
#include "Mastering/MasteringSettings.h"
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopmind {

enum class AudioFileFormat { wav, flac, aiff, mp3, ogg };

struct OutputSettings {
    std::filesystem::path mixPath;
    std::optional<std::filesystem::path> stemsFolder;
    AudioFileFormat format = AudioFileFormat::wav;
    int bitDepth = 24; // 16, 24, or 32 (float, WAV only); not used by MP3 and Ogg Vorbis
    int bitrateKbps = 320; // MP3: constant bit rate, 32 to 320; Ogg Vorbis: the average
    MasteringSettings mastering; // on by default (streaming); off writes the plain premaster sum
    /** Where frozen tracks' freeze files are looked for; new ones go to the first. Empty: "Frozen" beside the mix. */
    std::vector<std::filesystem::path> freezeFolders;
};

/** The offline renderer's block: the plan, outputs and streamed stems are sized for it. */
constexpr int renderBlockSize = 1024;

struct RenderJob {
    double sampleRate = 44100;
    std::int64_t lengthInSamples = 0;
    std::vector<PlaybackTrack> tracks;
    MixerLayout mixer; // returns, groups, master inserts, and the tempo effects follow
    int workers = 0; // engine worker threads for the render plan (0: the render thread alone)
    OutputSettings output;
    std::vector<std::string> problems; // found while preparing (a loop missing or unreadable); the report lists them
    /** A mastered render keeps its premaster in memory up to this size, past it in a scratch file beside the mix. */
    std::size_t premasterInMemoryBytes = SpillBuffer::defaultInMemoryBytes;
};

std::string extensionFor(AudioFileFormat f);
/** About how many bytes one stereo output file of this length takes (for "the disk is full" messages). */
std::uintmax_t estimatedOutputBytes(const OutputSettings& s, double sampleRate, std::int64_t lengthInSamples);
/** Where a mastered mix goes: mixPath itself for one target, "mix.<target>.wav" beside it for several. */
std::filesystem::path deliveredMixPath(const OutputSettings& s, size_t targetIndex);
/** render-report.json, beside the mix. */
std::filesystem::path renderReportPath(const OutputSettings& s);
/** Empty when the combination is fine, else a sentence saying why not. */
std::string checkOutputSettings(const OutputSettings& s);

} // namespace loopmind
