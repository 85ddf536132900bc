#include "Render/RenderJobBuilder.h"
#include "Arrangement/SongLimits.h"
#include "Arrangement/SectionGain.h"
#include "Library/AudioConforming.h"
#include "Library/DecodedAudio.h"
#include "Library/LoopStretch.h"
#include "Library/StreamedAudioFile.h"
#include "Render/StemFreezer.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

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
    return fitLoopToLength(std::move(audio.value()), a.sampleRate, target, t.loopPath, stretchCharacterFor(t.role), t.transpose);
}
} // namespace

std::string extensionFor(AudioFileFormat f)
{
    switch (f) {
    case AudioFileFormat::flac: return ".flac";
    case AudioFileFormat::aiff: return ".aiff";
    case AudioFileFormat::mp3: return ".mp3";
    case AudioFileFormat::ogg: return ".ogg";
    default: return ".wav";
    }
}

std::uintmax_t estimatedOutputBytes(const OutputSettings& s, double sampleRate, std::int64_t lengthInSamples)
{
    const double seconds = double(lengthInSamples) / std::max(1.0, sampleRate);
    if (s.format == AudioFileFormat::mp3 || s.format == AudioFileFormat::ogg)
        return std::uintmax_t(seconds * s.bitrateKbps * 1000.0 / 8.0);
    const double pcm = double(lengthInSamples) * 2.0 * (s.bitDepth / 8);
    return std::uintmax_t(s.format == AudioFileFormat::flac ? pcm * 0.6 : pcm); // FLAC: typical music
}

std::string checkOutputSettings(const OutputSettings& s)
{
    if (s.bitDepth != 16 && s.bitDepth != 24 && s.bitDepth != 32)
        return "bit depth must be 16, 24 or 32f";
    const bool encoded = s.format == AudioFileFormat::mp3 || s.format == AudioFileFormat::ogg; // no bit depth: they take floats
    if (s.bitDepth == 32 && s.format != AudioFileFormat::wav && !encoded)
        return "32-bit float output needs --format wav (FLAC and AIFF hold 16 or 24 bits)";
    if (encoded && (s.bitrateKbps < 32 || s.bitrateKbps > 320))
        return "the MP3 or Ogg Vorbis bit rate must be from 32 to 320 kbit/s";
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
    if (auto tooBig = songLimitProblem(a)) { // songs are checked when read and edited; this is the last guard
        prepared.problems.push_back(*tooBig);
        return prepared;
    }
    // Stretching is the slow part of preparing: a loop used by several tracks is stretched once per render.
    std::map<std::tuple<fs::path, int, int>, Result<SharedAudio>> preparedLoops;
    for (const auto& t : a.tracks) {
        const std::tuple<fs::path, int, int> key { t.loopPath, t.loopBeats, t.transpose };
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
    if (std::any_of(a.tracks.begin(), a.tracks.end(), [](const auto& t) { return t.frozen; })) {
        auto folders = output.freezeFolders;
        if (folders.empty() && !output.mixPath.empty())
            folders.push_back(output.mixPath.parent_path() / "Frozen");
        JobControl control;
        for (auto& problem : applyFreezes(job, a, folders, control))
            prepared.problems.push_back(std::move(problem));
    }
    job.problems = prepared.problems;
    return prepared;
}

namespace {
/** A resampled stem, held in memory, read through the same player as streamed ones (no clip fades). */
class MemoryStream final : public BlockStream {
public:
    explicit MemoryStream(SharedAudio audio) : audio_(std::move(audio)) {}
    std::int64_t length() const override { return audio_->getNumSamples(); }
    bool read(std::int64_t position, juce::AudioBuffer<float>& out, int numSamples) override
    {
        const int present = int(std::clamp<std::int64_t>(length() - position, 0, numSamples));
        for (int c = 0; c < 2; ++c) {
            if (present > 0)
                out.copyFrom(c, 0, *audio_, c, int(position), present);
            out.clear(c, present, numSamples - present);
        }
        return true;
    }
    std::string problem() const override { return {}; }

private:
    SharedAudio audio_;
};
} // namespace

PreparedJob prepareStemMixJob(const std::vector<fs::path>& stems, std::optional<double> outputRate, const OutputSettings& output)
{
    PreparedJob prepared;
    auto& job = prepared.job;
    job.output = output;
    // A stem at the mix's rate is streamed from its file during the render: memory stays one block per stem,
    // whatever the length. A stem at another rate is decoded and resampled in memory (libsamplerate over the
    // whole file). The first readable stem sets the rate, in the given order.
    std::optional<double> rate = outputRate;
    for (const auto& path : stems) {
        auto streamed = StreamedAudioFile::open(path, renderBlockSize);
        if (!streamed) {
            prepared.problems.push_back(streamed.error());
            continue;
        }
        if (!rate)
            rate = streamed.value()->sampleRate();
        PlaybackTrack track { path.stem().string(), "stem", nullptr, {}, 0.0, {} };
        std::int64_t length = streamed.value()->length();
        if (streamed.value()->sampleRate() == *rate) {
            track.stream = std::move(streamed.value());
        } else {
            auto decoded = decodeAudioFile(path);
            auto audio = decoded ? conformedStereo(path, decoded->audio, decoded->sampleRate, *rate, false)
                                 : Result<SharedAudio>::failure(decoded.error());
            if (!audio) {
                prepared.problems.push_back(audio.error());
                continue;
            }
            length = audio.value()->getNumSamples();
            track.stream = std::make_shared<MemoryStream>(audio.value()); // played as it is, like a streamed stem
        }
        job.lengthInSamples = std::max(job.lengthInSamples, length);
        job.tracks.push_back(std::move(track));
    }
    job.sampleRate = rate.value_or(44100.0);
    return prepared;
}

} // namespace loopmind
