#include "Render/RenderJobBuilder.h"
#include "Arrangement/SectionGain.h"
#include "Core/ParallelFor.h"
#include "Library/AudioConforming.h"
#include "Library/DecodedAudio.h"
#include "Library/LoopStretch.h"
#include <algorithm>
#include <cmath>
#include <map>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
using SharedAudio = std::shared_ptr<const juce::AudioBuffer<float>>;

Result<SharedAudio> loadStereoAt(const fs::path& path, double rate, bool periodic)
{
    auto decoded = decodeAudioFile(path);
    if (!decoded)
        return Result<SharedAudio>::failure(decoded.error());
    return conformedStereo(path, decoded.value().audio, decoded.value().sampleRate, rate, periodic);
}

/** The loop at the project rate, stretched to exactly `beats` project beats when its own tempo differs. */
Result<SharedAudio> loadLoopOnGrid(const ArrangementTrack& t, const Arrangement& a)
{
    auto audio = loadStereoAt(t.loopPath, a.sampleRate, true);
    if (!audio)
        return audio;
    const int target = int(std::llround(double(std::max(1, t.loopBeats)) * a.samplesPerBeat()));
    return fitLoopToLength(std::move(audio.value()), a.sampleRate, target, t.loopPath, stretchCharacterFor(t.role));
}
} // namespace

std::string extensionFor(AudioFileFormat f)
{
    switch (f) {
    case AudioFileFormat::flac: return ".flac";
    case AudioFileFormat::aiff: return ".aiff";
    default: return ".wav";
    }
}

std::string checkOutputSettings(const OutputSettings& s)
{
    if (s.bitDepth != 16 && s.bitDepth != 24 && s.bitDepth != 32)
        return "bit depth must be 16, 24 or 32f";
    if (s.bitDepth == 32 && s.format != AudioFileFormat::wav)
        return "32-bit float output needs --format wav (FLAC and AIFF hold 16 or 24 bits)";
    if (s.mixPath.empty())
        return "no output file given";
    if (s.mastering.enabled) {
        if (s.mastering.targets.empty())
            return "mastering needs at least one delivery target";
        for (const auto& t : s.mastering.targets) {
            if (!(t.lufs >= -70.0 && t.lufs <= 0.0))
                return "the loudness target must be from -70 to 0 LUFS";
            if (!(t.truePeakDb >= -20.0 && t.truePeakDb <= 0.0))
                return "the true-peak ceiling must be from -20 to 0 dBTP";
        }
        if (!(s.mastering.intensity >= 0.0 && s.mastering.intensity <= 1.0))
            return "the mastering intensity must be from 0 to 1";
    }
    return {};
}

std::filesystem::path deliveredMixPath(const OutputSettings& s, size_t targetIndex)
{
    if (!s.mastering.enabled || s.mastering.targets.size() <= 1)
        return s.mixPath;
    // Several deliveries from one render: the target's name goes between the file's name and extension.
    const auto& name = s.mastering.targets[targetIndex].name;
    return s.mixPath.parent_path() / (s.mixPath.stem().string() + "." + name + s.mixPath.extension().string());
}

std::filesystem::path renderReportPath(const OutputSettings& s) { return s.mixPath.parent_path() / "render-report.json"; }

PreparedJob prepareArrangementJob(const Arrangement& a, const OutputSettings& output)
{
    PreparedJob prepared;
    auto& job = prepared.job;
    job.sampleRate = a.sampleRate;
    job.mixer = { a.mixer, a.bpm };
    job.lengthInSamples = a.lengthInSamples();
    job.output = output;
    // Stretching is the slow part of preparing: a loop used by several tracks is stretched once per render.
    std::map<std::pair<fs::path, int>, Result<SharedAudio>> preparedLoops;
    for (const auto& t : a.tracks) {
        const std::pair<fs::path, int> key { t.loopPath, t.loopBeats };
        auto found = preparedLoops.find(key);
        if (found == preparedLoops.end())
            found = preparedLoops.emplace(key, loadLoopOnGrid(t, a)).first;
        const auto& audio = found->second;
        if (!audio) {
            prepared.problems.push_back("track '" + t.name + "' left silent: " + audio.error());
            continue;
        }
        PlaybackTrack track { t.name, t.role, audio.value(), {}, t.gainDb, t.strip };
        for (const auto& clip : t.clips) {
            // Energy realised as level: each pass carries its section's gain (arrangement.json sections[].gainDb),
            // so engine track i stays arrangement track i with one stem, and mute/solo cover the whole track.
            const float sectionGain = float(std::pow(10.0, sectionGainAt(a, clip.startBar) / 20.0));
            // Each pass of the loop starts on the project grid, so a loop a hair off the tempo never drifts.
            const double clipStartBeat = double(clip.startBar) * a.beatsPerBar;
            const double clipEndBeat = double(clip.startBar + clip.bars) * a.beatsPerBar;
            for (double beat = clipStartBeat; beat < clipEndBeat; beat += std::max(1, t.loopBeats))
                track.segments.push_back({ a.sampleAtBeat(beat), a.sampleAtBeat(std::min(beat + std::max(1, t.loopBeats), clipEndBeat)),
                                           sectionGain });
        }
        job.tracks.push_back(std::move(track));
    }
    return prepared;
}

PreparedJob prepareStemMixJob(const std::vector<fs::path>& stems, std::optional<double> outputRate, const OutputSettings& output)
{
    PreparedJob prepared;
    auto& job = prepared.job;
    job.output = output;
    // Decoding is most of preparing a stem mix, and each file is independent: decode on every core, then
    // conform in the given order (the first readable stem sets the rate), so the job is the same as a serial one.
    std::vector<std::optional<Result<DecodedAudio>>> decoded(stems.size());
    parallelFor(stems.size(), coreCount(), [&](size_t i) { decoded[i].emplace(decodeAudioFile(stems[i])); });

    std::optional<double> rate = outputRate;
    for (size_t s = 0; s < stems.size(); ++s) {
        const auto& path = stems[s];
        auto& file = *decoded[s];
        if (!file) {
            prepared.problems.push_back(file.error());
            continue;
        }
        if (!rate) // the first readable stem sets the rate
            rate = file->sampleRate;
        Result<SharedAudio> audio = Result<SharedAudio>::failure("");
        if (file->sampleRate == *rate && file->audio.getNumChannels() == 2) // already stereo at the rate: no copy
            audio = Result<SharedAudio>::success(std::make_shared<const juce::AudioBuffer<float>>(std::move(file->audio)));
        else
            audio = conformedStereo(path, file->audio, file->sampleRate, *rate, false);
        file = Result<DecodedAudio>::failure("released"); // the decoded copy is no longer needed
        if (!audio) {
            prepared.problems.push_back(audio.error());
            continue;
        }
        const std::int64_t length = audio.value()->getNumSamples();
        job.lengthInSamples = std::max(job.lengthInSamples, length);
        job.tracks.push_back({ path.stem().string(), "stem", audio.value(), { { 0, length } }, 0.0, {} });
    }
    job.sampleRate = rate.value_or(44100.0);
    return prepared;
}

} // namespace loopmind
