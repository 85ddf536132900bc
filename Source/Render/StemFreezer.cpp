#include "Render/StemFreezer.h"
#include "Arrangement/MixerJson.h"
#include "Arrangement/Sha256.h"
#include "Core/PathText.h"
#include "Core/WriteFailure.h"
#include "Engine/RenderPlan.h"
#include "Library/AudioFileOpening.h"
#include "Library/DecodedAudio.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/AudioFileOutput.h"
#include <algorithm>
#include <set>

namespace loopmind {
namespace fs = std::filesystem;

namespace {

/** The track and the tracks its inserts' sidechains name, the track first. */
std::vector<size_t> tracksHeard(const RenderJob& job, size_t index)
{
    std::vector<size_t> heard { index };
    std::set<std::string> sources;
    for (const auto& slot : job.tracks[index].strip.inserts)
        if (!slot.sidechainTrack.empty() && !slot.bypassed)
            sources.insert(slot.sidechainTrack);
    for (size_t i = 0; i < job.tracks.size(); ++i)
        if (i != index && sources.count(job.tracks[i].name) != 0)
            heard.push_back(i);
    return heard;
}

template <typename T>
void appendBytes(std::string& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

} // namespace

Result<FrozenAudioPtr> renderFrozenTrack(const RenderJob& job, size_t index, JobControl& control)
{
    using R = Result<FrozenAudioPtr>;
    if (index >= job.tracks.size() || job.lengthInSamples <= 0)
        return R::failure("nothing to freeze");
    // A frozen track plays from memory (the audio thread never reads files): 8 bytes a frame, 1 GB at 30 minutes.
    if (double(job.lengthInSamples) / job.sampleRate > maxFreezeSeconds)
        return R::failure("songs longer than " + std::to_string(int(maxFreezeSeconds / 60)) + " minutes are not frozen (this one is "
                          + std::to_string(int(double(job.lengthInSamples) / job.sampleRate / 60)) + "): a frozen track is held in memory");
    std::vector<PlaybackTrack> tracks;
    for (const auto i : tracksHeard(job, index)) {
        tracks.push_back(job.tracks[i]);
        tracks.back().stream = nullptr; // arrangement tracks are never streamed; a stem mix has nothing to freeze
    }
    // No buses: the freeze taps the track before its strip, and its sidechain sources' strips feed nothing else.
    const MixerLayout layout { {}, job.mixer.bpm };
    juce::AudioProcessorGraph graph;
    const auto nodes = buildTrackGraph(graph, tracks, layout, job.sampleRate);
    prepareGraphNodes(graph, job.sampleRate, renderBlockSize);
    auto plan = compileRenderPlan(graph, renderBlockSize);
    if (!plan)
        return R::failure(plan.error());
    const int step = plan.value()->stepIndexOf(preStripNode(nodes, 0));
    const int latency = plan.value()->latencyOf(step);
    auto audio = std::make_shared<juce::AudioBuffer<float>>(2, int(job.lengthInSamples));
    const std::int64_t processed = job.lengthInSamples + latency;
    for (std::int64_t position = 0; position < processed; position += renderBlockSize) {
        if (control.cancelled())
            return R::failure("freezing '" + job.tracks[index].name + "' was cancelled");
        const int n = int(std::min<std::int64_t>(renderBlockSize, processed - position));
        nodes.playHead->setPosition(position);
        plan.value()->process(n);
        const auto& out = plan.value()->outputOf(step);
        // Sample k of this block is song sample position + k - latency.
        const int skip = int(std::clamp<std::int64_t>(latency - position, 0, n));
        const std::int64_t at = position + skip - latency;
        const int count = int(std::min<std::int64_t>(n - skip, job.lengthInSamples - at));
        for (int c = 0; c < 2 && count > 0; ++c)
            audio->copyFrom(c, int(at), out, std::min(c, out.getNumChannels() - 1), skip, count);
        control.progress.store(double(position + n) / double(processed));
    }
    return R::success(std::move(audio));
}

std::string freezeFingerprint(const RenderJob& job, size_t index)
{
    std::string bytes = "loopmind freeze 1";
    appendBytes(bytes, job.sampleRate);
    appendBytes(bytes, job.lengthInSamples);
    appendBytes(bytes, job.mixer.bpm);
    Arrangement strips; // the strips in arrangement.json's words: inserts, parameters, plug-in state, sidechains
    for (const auto i : tracksHeard(job, index)) {
        const auto& t = job.tracks[i];
        bytes += t.name + '\n';
        appendBytes(bytes, t.gainDb);
        for (const auto& s : t.segments) {
            appendBytes(bytes, s.start);
            appendBytes(bytes, s.end);
            appendBytes(bytes, s.gain);
        }
        if (t.audio != nullptr) {
            appendBytes(bytes, t.audio->getNumSamples());
            for (int c = 0; c < t.audio->getNumChannels(); ++c)
                bytes.append(reinterpret_cast<const char*>(t.audio->getReadPointer(c)), size_t(t.audio->getNumSamples()) * sizeof(float));
        }
        ArrangementTrack described; // the frozen track's own strip plays live: only its inserts are in the audio
        described.name = t.name;
        if (i == index)
            described.strip.inserts = t.strip.inserts;
        else
            described.strip = t.strip; // a sidechain hears a strip's output: all but where it sends and goes
        described.strip.sends.clear();
        described.strip.output.clear();
        strips.tracks.push_back(std::move(described));
    }
    bytes += mixerToJson(strips).dump();
    return sha256Hex(bytes);
}

namespace {
/** The freeze file's name: the fingerprint hashes the track's whole audio, so it is worked out once per freeze. */
fs::path freezeFileName(const RenderJob& job, size_t index)
{
    const auto stem = fs::path(stemFileName(int(index), job.tracks[index].name, AudioFileFormat::wav)).stem().string();
    return pathFromText(stem + " " + freezeFingerprint(job, index).substr(0, 16) + ".wav");
}
} // namespace

fs::path freezeFilePath(const fs::path& folder, const RenderJob& job, size_t index) { return folder / freezeFileName(job, index); }

Result<FrozenAudioPtr> freezeTrack(const RenderJob& job, size_t index, const std::vector<fs::path>& folders, JobControl& control,
                                   std::string& writeProblem)
{
    const auto name = freezeFileName(job, index);
    for (const auto& folder : folders)
        if (auto read = readFreezeFile(folder / name, job.sampleRate, job.lengthInSamples))
            return read;
    auto rendered = renderFrozenTrack(job, index, control);
    if (rendered && !folders.empty())
        if (auto st = writeFreezeFile(*rendered.value(), job.sampleRate, folders.front() / name); !st)
            writeProblem = st.error();
    return rendered;
}

Status writeFreezeFile(const juce::AudioBuffer<float>& audio, double sampleRate, const fs::path& path)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    OutputSettings settings;
    settings.mixPath = path;
    settings.bitDepth = 32;
    auto out = AudioFileOutput::create(path, settings, sampleRate, 2, renderBlockSize);
    if (!out)
        return Status::failure(out.error());
    juce::AudioBuffer<float> block(2, renderBlockSize);
    for (int start = 0; start < audio.getNumSamples(); start += renderBlockSize) {
        const int n = std::min(renderBlockSize, audio.getNumSamples() - start);
        for (int c = 0; c < 2; ++c)
            block.copyFrom(c, 0, audio, c, start, n);
        if (!out.value()->write(block, n))
            return Status::failure(writeFailure(path, std::uintmax_t(audio.getNumSamples()) * 8));
    }
    return out.value()->finish();
}

Result<FrozenAudioPtr> readFreezeFile(const fs::path& path, double sampleRate, std::int64_t length)
{
    using R = Result<FrozenAudioPtr>;
    const DecodeLimits limits { double(length) / sampleRate + 1.0, 2 * length + 16 }; // as long as the song, however long
    auto decoded = decodeAudioFile(path, limits);
    if (!decoded)
        return R::failure(decoded.error());
    auto& d = decoded.value();
    if (d.sampleRate != sampleRate || d.audio.getNumChannels() != 2 || d.audio.getNumSamples() != length)
        return R::failure(pathText(path) + ": not a freeze of this song (rate, channels or length differ)");
    return R::success(std::make_shared<juce::AudioBuffer<float>>(std::move(d.audio)));
}

std::vector<std::string> applyFreezes(RenderJob& job, const Arrangement& arrangement, const std::vector<fs::path>& folders,
                                      JobControl& control)
{
    std::vector<std::string> problems;
    std::vector<std::pair<size_t, FrozenAudioPtr>> frozen; // replaced after all are made: later freezes hear the live tracks
    for (const auto& t : arrangement.tracks) {
        if (!t.frozen)
            continue;
        const auto found = std::find_if(job.tracks.begin(), job.tracks.end(), [&](const auto& p) { return p.name == t.name; });
        if (found == job.tracks.end())
            continue; // not prepared: already reported
        const auto index = size_t(found - job.tracks.begin());
        std::string writeProblem;
        auto audio = freezeTrack(job, index, folders, control, writeProblem);
        if (!audio) {
            problems.push_back("track '" + t.name + "' plays unfrozen: " + audio.error());
            continue;
        }
        if (!writeProblem.empty())
            problems.push_back("track '" + t.name + "' is frozen in memory only: " + writeProblem);
        frozen.emplace_back(index, audio.value());
    }
    for (auto& [index, audio] : frozen) {
        auto& track = job.tracks[index];
        track.frozen = true;
        track.audio = std::move(audio);
        track.segments.clear();
    }
    return problems;
}

} // namespace loopmind
