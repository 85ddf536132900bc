#pragma once
// Stem freeze: one track's player and inserts rendered offline from the song's start into audio as long as the
// song, in a private graph (never the live one), so that the track then costs one copy per block. The channel
// strip (fader, pan, sends, output) stays live. A freeze file (32-bit float WAV, written atomically) is named by
// a fingerprint of everything that makes the track sound, so a song reopened finds it and an edited track does not.
#include "Arrangement/Arrangement.h"
#include "Core/JobControl.h"
#include "Core/Result.h"
#include "Render/RenderJob.h"

namespace loopmind {

using FrozenAudioPtr = std::shared_ptr<const juce::AudioBuffer<float>>;

/** The longest song whose tracks can be frozen. */
constexpr double maxFreezeSeconds = 30 * 60;

/** Renders job.tracks[index] (the job's other tracks take part only as the sidechain sources it names). The audio
    lines up with the song's timeline: inserts' latency is taken out. Fails when cancelled. */
Result<FrozenAudioPtr> renderFrozenTrack(const RenderJob& job, size_t index, JobControl& control);

/** SHA-256 (hex) of the track's prepared audio, timeline, trim, strip and inserts, its sidechain sources, the
    tempo, rate and length. */
std::string freezeFingerprint(const RenderJob& job, size_t index);
/** "<NN name> <first 16 digits of the fingerprint>.wav" in folder. */
std::filesystem::path freezeFilePath(const std::filesystem::path& folder, const RenderJob& job, size_t index);

Status writeFreezeFile(const juce::AudioBuffer<float>& audio, double sampleRate, const std::filesystem::path& path);
/** A freeze file, when it is one for this rate and length (stereo); else why not. */
Result<FrozenAudioPtr> readFreezeFile(const std::filesystem::path& path, double sampleRate, std::int64_t length);

/** Track `index` frozen: its freeze file from `folders` when one fits, else rendered and written into the first
    folder. A write that fails is said in writeProblem and the audio is still returned (frozen in memory only). */
Result<FrozenAudioPtr> freezeTrack(const RenderJob& job, size_t index, const std::vector<std::filesystem::path>& folders,
                                   JobControl& control, std::string& writeProblem);

/** Freezes the job's tracks whose arrangement track is frozen: each reuses its freeze file from `folders`, or is
    rendered and written into the first folder (none: kept in memory only). A track that cannot be frozen plays
    live and is reported. */
std::vector<std::string> applyFreezes(RenderJob& job, const Arrangement& arrangement, const std::vector<std::filesystem::path>& folders,
                                      JobControl& control);

} // namespace loopmind
