#include "Render/AIAsyncRenderer.h"
#include "Core/PathText.h"
#include "Core/WriteFailure.h"
#include "Engine/ParallelPlanRunner.h"
#include "Engine/RenderPlan.h"
#include "Render/AudioFileOutput.h"
#include "Render/LatencyAlignedOutputs.h"
#include "Render/MasterDelivery.h"
#include "Render/RenderMeters.h"
#include "Render/RenderReportFile.h"
#include <chrono>

namespace loopmind {
namespace fs = std::filesystem;
using juce::AudioProcessorGraph;

namespace {
std::string sanitised(const std::string& name)
{
    std::string out;
    for (char c : name)
        out += (c == '/' || c == '\\' || c == ':' || (unsigned char)c < 32) ? '_' : c;
    return out.empty() ? "track" : out;
}
} // namespace

std::string stemFileName(int index, const std::string& trackName, AudioFileFormat format)
{
    const auto number = std::to_string(index + 1);
    return (number.size() < 2 ? "0" + number : number) + " " + sanitised(trackName) + extensionFor(format);
}

RenderReport AIAsyncRenderer::render(const RenderJob& job, JobControl& control)
{
    RenderReport report;
    const auto started = std::chrono::steady_clock::now();
    report.mixPath = job.output.mixPath;
    report.lengthSeconds = double(job.lengthInSamples) / job.sampleRate;
    if (auto problem = checkOutputSettings(job.output); !problem.empty()) {
        report.error = problem;
        return report;
    }
    if (job.lengthInSamples <= 0) {
        report.error = "nothing to render: the song has no length";
        return report;
    }

    AudioProcessorGraph graph; // private to this render: never the live engine's
    const auto nodes = buildTrackGraph(graph, job.tracks, job.mixer, job.sampleRate);
    report.warnings = nodes.problems; // mixer settings that could not be honoured; the rest renders
    report.problems = job.problems;
    prepareGraphNodes(graph, job.sampleRate, renderBlockSize); // first: the plan reads each node's latency
    auto plan = compileRenderPlan(graph, renderBlockSize);
    if (!plan) {
        report.error = plan.error();
        return report;
    }
    const int masterStep = plan.value()->stepIndexOf(nodes.master);
    ParallelPlanRunner runner(job.workers);

    // Mastered: the premaster is kept (in memory, or spilled beside the mix) and mastered after the loop. Unmastered:
    // streamed to the file.
    const bool mastering = job.output.mastering.enabled;
    std::unique_ptr<AudioFileOutput> plainMix;
    if (!mastering) {
        auto mix = AudioFileOutput::create(job.output.mixPath, job.output, job.sampleRate, 2, renderBlockSize);
        if (!mix) {
            report.error = mix.error();
            return report;
        }
        plainMix = std::move(mix.value());
    }
    std::vector<std::unique_ptr<AudioFileOutput>> stems;
    std::vector<int> stemSteps;
    if (job.output.stemsFolder) {
        std::error_code ec;
        fs::create_directories(*job.output.stemsFolder, ec);
    }
    // A stem per feed of the master (tracks, groups, returns), so that the stems add up to the mix.
    const auto& stemSources = nodes.masterFeeds;
    for (size_t i = 0; i < stemSources.size(); ++i) {
        stemSteps.push_back(plan.value()->stepIndexOf(stemSources[i].second));
        report.tracks.push_back({ stemSources[i].first, std::nullopt, std::nullopt });
        if (!job.output.stemsFolder)
            continue;
        const auto path = *job.output.stemsFolder / stemFileName(int(i), stemSources[i].first, job.output.format);
        auto stem = AudioFileOutput::create(path, job.output, job.sampleRate, 2, renderBlockSize);
        if (!stem) {
            report.error = stem.error();
            return report; // outputs created so far are abandoned: their temporary files are deleted
        }
        stems.push_back(std::move(stem.value()));
        report.stemPaths.push_back(path);
        report.tracks.back().stemPath = path;
    }

    // Loudness of the premaster (the A of the A/B) and of every track, measured as the blocks go by, on a thread of its own.
    // When mastering, the premaster is kept (high-passed) by the same thread for the mastering step after the loop.
    std::unique_ptr<PremasterBuffer> premaster;
    if (mastering) {
        const auto folder = job.output.mixPath.has_parent_path() ? job.output.mixPath.parent_path() : fs::path(".");
        auto made = PremasterBuffer::create(job.sampleRate, job.lengthInSamples, folder, job.premasterInMemoryBytes);
        if (!made) {
            report.error = made.error();
            return report;
        }
        premaster = std::move(made.value());
    }
    RenderMeters meters(stemSources.size(), job.sampleRate, renderBlockSize, premaster.get());
    std::vector<const juce::AudioBuffer<float>*> trackBlocks(stemSources.size());
    juce::AudioBuffer<float> stemSum(2, renderBlockSize);
    float residual = 0;
    const double renderShare = mastering ? 0.7 : 1.0; // of the progress bar

    // Outputs line up with the master's latency; the loop runs that much past the song's end (LatencyAlignedOutputs).
    LatencyAlignedOutputs aligned(*plan.value(), masterStep, stemSteps);
    const std::int64_t processedLength = job.lengthInSamples + aligned.latency();
    std::vector<bool> streamFailed(nodes.streamedPlayers.size(), false);
    float peak = 0;
    for (std::int64_t position = 0; position < processedLength; position += renderBlockSize) {
        if (control.cancelled()) {
            report.cancelled = true;
            report.error = "cancelled; earlier files at the destination are untouched";
            return report;
        }
        const int processed = int(std::min<std::int64_t>(renderBlockSize, processedLength - position));
        nodes.playHead->setPosition(position);
        // Streamed stems are read here, on this thread: the plan's steps (some on workers) only copy the block.
        for (size_t i = 0; i < nodes.streamedPlayers.size(); ++i)
            if (!nodes.streamedPlayers[i]->prefetch(position, processed) && !streamFailed[i]) {
                streamFailed[i] = true; // the rest of that stem is silent; the mix goes on
                report.warnings.push_back(nodes.streamedPlayers[i]->problem());
            }
        runner.process(*plan.value(), processed);
        aligned.take(position, processed);
        const int n = aligned.count();
        if (n == 0)
            continue; // all of this block is the outputs' lag before the song starts
        const auto& mixBlock = aligned.mix();
        peak = std::max({ peak, mixBlock.getMagnitude(0, 0, n), mixBlock.getMagnitude(1, 0, n) });
        bool written = true;
        fs::path failedFile;
        if (plainMix && !(written = plainMix->write(mixBlock, n)))
            failedFile = job.output.mixPath;
        stemSum.clear();
        for (size_t i = 0; i < stemSteps.size(); ++i) {
            const auto& trackBlock = aligned.stem(i);
            trackBlocks[i] = &trackBlock;
            if (i < stems.size() && !stems[i]->write(trackBlock, n) && written) {
                written = false;
                failedFile = report.stemPaths[i];
            }
            for (int c = 0; c < 2 && !stems.empty(); ++c) // only written stems have a residual to report
                stemSum.addFrom(c, 0, trackBlock, c, 0, n);
        }
        meters.add(mixBlock, trackBlocks, n);
        if (!stems.empty())
            for (int c = 0; c < 2; ++c)
                for (int k = 0; k < n; ++k)
                    residual = std::max(residual, std::abs(stemSum.getSample(c, k) - mixBlock.getSample(c, k)));
        if (!written) {
            report.error = writeFailure(failedFile, estimatedOutputBytes(job.output, job.sampleRate, job.lengthInSamples));
            return report;
        }
        control.progress.store(renderShare * double(position + processed) / double(processedLength));
    }
    meters.finish();
    report.premaster = meters.premaster();
    for (size_t i = 0; i < stemSources.size(); ++i)
        report.tracks[i].integratedLufs = meters.trackLufs(i);
    if (!stems.empty())
        report.stemsResidual = double(residual);

    std::vector<std::unique_ptr<AudioFileOutput>> masters;
    if (mastering)
        if (auto st = masterPremaster(*premaster, job, control, renderShare, report, masters); !st) {
            report.cancelled = control.cancelled();
            report.error = report.cancelled ? "cancelled; earlier files at the destination are untouched" : st.error();
            return report;
        }
    if (!report.masters.empty())
        report.mixPath = report.masters.front().path;

    // Stems first, the mix last: a mix on disk means its stems are complete too.
    for (auto& s : stems)
        if (auto st = s->finish(); !st) {
            report.error = st.error();
            return report;
        }
    if (plainMix)
        masters.push_back(std::move(plainMix));
    for (auto& m : masters)
        if (auto st = m->finish(); !st) {
            report.error = st.error();
            return report;
        }
    report.ok = true;
    report.mixPeakDb = peak > 0 ? 20.0 * std::log10(double(peak)) : -200.0;
    report.reportPath = renderReportPath(job.output);
    if (auto st = writeRenderReport(report, job.output); !st) {
        report.ok = false;
        report.error = st.error();
        return report;
    }
    report.renderSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

void AIAsyncRenderer::start(RenderJob job)
{
    if (thread_.joinable())
        waitForResult();
    control_.cancelRequested.store(false);
    control_.progress.store(0.0);
    running_.store(true);
    thread_ = std::thread([this, job = std::move(job)] {
        result_ = render(job, control_);
        running_.store(false);
    });
}

RenderReport AIAsyncRenderer::waitForResult()
{
    if (thread_.joinable())
        thread_.join();
    return result_;
}

AIAsyncRenderer::~AIAsyncRenderer()
{
    cancel();
    if (thread_.joinable())
        thread_.join();
}

} // namespace loopmind
