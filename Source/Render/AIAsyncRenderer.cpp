#include "Render/AIAsyncRenderer.h"
#include "Core/PathText.h"
#include "Engine/ParallelPlanRunner.h"
#include "Engine/RenderPlan.h"
#include "Render/AudioFileOutput.h"
#include <chrono>

namespace loopmind {
namespace fs = std::filesystem;
using juce::AudioProcessorGraph;

namespace {
constexpr int blockSize = 1024;

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
    const auto nodes = buildTrackGraph(graph, job.tracks);
    auto plan = compileRenderPlan(graph, blockSize);
    if (!plan) {
        report.error = plan.error();
        return report;
    }
    prepareGraphNodes(graph, job.sampleRate, blockSize);
    const int masterStep = plan.value()->stepIndexOf(nodes.master);
    ParallelPlanRunner runner(job.workers);

    auto mix = AudioFileOutput::create(job.output.mixPath, job.output, job.sampleRate, 2, blockSize);
    if (!mix) {
        report.error = mix.error();
        return report;
    }
    std::vector<std::unique_ptr<AudioFileOutput>> stems;
    std::vector<int> stemSteps;
    if (job.output.stemsFolder) {
        std::error_code ec;
        fs::create_directories(*job.output.stemsFolder, ec);
        for (size_t i = 0; i < job.tracks.size(); ++i) {
            const auto path = *job.output.stemsFolder / stemFileName(int(i), job.tracks[i].name, job.output.format);
            auto stem = AudioFileOutput::create(path, job.output, job.sampleRate, 2, blockSize);
            if (!stem) {
                report.error = stem.error();
                return report; // outputs created so far are abandoned: their temporary files are deleted
            }
            stems.push_back(std::move(stem.value()));
            stemSteps.push_back(plan.value()->stepIndexOf(nodes.trackOutputs[i]));
            report.stemPaths.push_back(path);
        }
    }

    float peak = 0;
    for (std::int64_t position = 0; position < job.lengthInSamples; position += blockSize) {
        if (control.cancelled()) {
            report.cancelled = true;
            report.error = "cancelled; earlier files at the destination are untouched";
            return report;
        }
        const int n = int(std::min<std::int64_t>(blockSize, job.lengthInSamples - position));
        runner.process(*plan.value(), n);
        const auto& mixBlock = plan.value()->outputOf(masterStep);
        peak = std::max({ peak, mixBlock.getMagnitude(0, 0, n), mixBlock.getMagnitude(1, 0, n) });
        bool written = mix.value()->write(mixBlock, n);
        for (size_t i = 0; i < stems.size(); ++i)
            written = stems[i]->write(plan.value()->outputOf(stemSteps[i]), n) && written;
        if (!written) {
            report.error = "writing the output failed (disk full?); earlier files at the destination are untouched";
            return report;
        }
        control.progress.store(double(position + n) / double(job.lengthInSamples));
    }
    // Stems first, the mix last: a mix on disk means its stems are complete too.
    for (auto& s : stems)
        if (auto st = s->finish(); !st) {
            report.error = st.error();
            return report;
        }
    if (auto st = mix.value()->finish(); !st) {
        report.error = st.error();
        return report;
    }
    report.ok = true;
    report.mixPeakDb = peak > 0 ? 20.0 * std::log10(double(peak)) : -200.0;
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
