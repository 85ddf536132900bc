#include "Library/LoopAnalyser.h"
#include "Analysis/LoopAnalysis.h"
#include "Analysis/LoopWrap.h"
#include "Core/ParallelFor.h"
#include "Core/PathText.h"
#include "Library/AnalysisCache.h"
#include "Library/DecodedAudio.h"
#include <atomic>
#include <mutex>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
std::string nameHint(const fs::path& p)
{
    // The folder and file names, e.g. "House 124/Bass A minor.wav": weak hints for tempo and role.
    return pathText(p.parent_path().filename() / p.filename());
}
} // namespace

LoopInfo analyseLoopFile(const fs::path& path)
{
    LoopInfo info;
    info.path = path;
    auto decoded = decodeAudioFile(path);
    if (!decoded) {
        info.error = decoded.error();
        return info;
    }
    const auto& d = decoded.value();
    info.ok = true;
    if (!d.warning.empty())
        info.warning = pathText(path) + ": " + d.warning;
    info.sampleRate = d.sampleRate;
    info.channels = d.audio.getNumChannels();
    info.bitDepth = d.bitDepth;
    info.format = d.formatName;
    info.durationSeconds = double(d.audio.getNumSamples()) / d.sampleRate;

    const auto hint = nameHint(path);
    const auto result = analysis::analyseLoop(d.audio, d.sampleRate, hint, d.declaredKey);
    const auto& tempo = result.tempo;
    info.bpm = tempo.bpm;
    info.bpmConfidence = tempo.confidence;
    info.beats = tempo.beats;
    // What the file states (set by hand in a loop tool) beats what the audio suggests: it settles even-8th
    // lines' octave and pads without onsets. Only when it fits the length (checked on decoding).
    if (d.declaredOneShot || d.declaredBpm) {
        info.bpm = d.declaredBpm;
        info.beats = d.declaredBpm ? d.declaredBeats : 0;
        info.bpmConfidence = 1.0;
        info.tempoFromFile = true;
    }
    const auto& key = result.key;
    info.key = key.key;
    info.keyConfidence = key.confidence;
    const auto& role = result.role;
    info.role = role.role;
    info.roleConfidence = role.confidence;
    const auto& loudness = result.loudness;
    info.lufs = loudness.integratedLufs;
    info.truePeakDb = loudness.truePeakDb;
    info.lra = loudness.lra;
    info.waveform = analysis::summariseWaveformForLibrary(d.audio);
    const auto wrap = analysis::measureLoopWrap(d.audio, d.sampleRate);
    info.wrapJumpDb = wrap.jumpDb;
    info.wrapClicks = wrap.clicks;
    return info;
}

std::vector<LoopInfo> analyseLoopFiles(const std::vector<fs::path>& files, int jobs, JobControl& control)
{
    return analyseLoopFiles(files, jobs, control, nullptr, nullptr);
}

std::vector<LoopInfo> analyseLoopFiles(const std::vector<fs::path>& files, int jobs, JobControl& control,
                                       AnalysisCache* cache, AnalysisCounts* counts)
{
    std::vector<LoopInfo> results(files.size());
    if (jobs <= 0)
        jobs = int(coreCount());
    jobs = std::max(1, std::min<int>(jobs, int(files.size())));

    // New results reach the cache in small batches (one transaction each), so a killed scan keeps most of its work.
    constexpr size_t batchSize = 32;
    std::mutex pendingMutex;
    std::vector<std::pair<FileStamp, LoopInfo>> pending;
    auto flush = [&](bool onlyIfFull) {
        std::vector<std::pair<FileStamp, LoopInfo>> batch;
        {
            std::lock_guard lock(pendingMutex);
            if (onlyIfFull && pending.size() < batchSize)
                return;
            batch.swap(pending);
        }
        cache->store(batch); // a cache that cannot be written only costs speed next time
    };

    std::atomic<size_t> done { 0 };
    parallelFor(files.size(), size_t(jobs), [&](size_t i) {
        if (control.cancelled()) {
            results[i].path = files[i];
            results[i].error = pathText(files[i]) + ": not analysed (cancelled)";
        } else {
            // The stamp is taken before decoding: a file changed meanwhile is stored stale and re-read next time.
            const auto stamp = cache ? stampOf(files[i]) : std::nullopt;
            auto hit = stamp ? cache->lookup(*stamp, files[i]) : std::nullopt;
            if (hit) {
                results[i] = std::move(*hit);
                if (counts) counts->fromCache.fetch_add(1);
            } else {
                results[i] = analyseLoopFile(files[i]);
                if (counts) counts->decoded.fetch_add(1);
                if (stamp) {
                    { std::lock_guard lock(pendingMutex); pending.emplace_back(*stamp, results[i]); }
                    flush(true);
                }
            }
        }
        control.progress.store(double(done.fetch_add(1) + 1) / double(files.size()));
    });
    if (cache)
        flush(false);
    return results;
}

} // namespace loopmind
