#include "App/RenderTask.h"
#include "Plugins/PluginHost.h"
#include "Arrangement/ArrangementFile.h"
#include "Core/AtomicFile.h"
#include "Engine/ParallelPlanRunner.h"
#include "Render/RenderJobBuilder.h"
#include "UI/AsyncCallback.h"
#include <fstream>
#include <nlohmann/json.hpp>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
/** The core's render-report.json (loudness, true peak, chain, per stem) with the app's own fields added on top. */
std::string reportJson(const RenderOutcome& o, const RenderSettings& s)
{
    nlohmann::json j = nlohmann::json::object();
    if (std::ifstream core(o.report.reportPath); core) {
        auto parsed = nlohmann::json::parse(core, nullptr, false);
        if (parsed.is_object())
            j = std::move(parsed);
    }
    j["ok"] = o.report.ok;
    j["cancelled"] = o.report.cancelled;
    j["error"] = o.report.error;
    j["mix"] = s.mix ? nlohmann::json(o.report.mixPath.string()) : nlohmann::json(nullptr);
    j["mixWritten"] = s.mix;
    if (!j.contains("stems") || j["stems"].size() != o.report.stemPaths.size()) {
        j["stems"] = nlohmann::json::array();
        for (const auto& p : o.report.stemPaths)
            j["stems"].push_back(p.string());
    }
    j["arrangement"] = o.arrangementPath.string();
    j["lengthSeconds"] = o.report.lengthSeconds;
    j["renderSeconds"] = o.report.renderSeconds;
    j["mixPeakDb"] = o.report.mixPeakDb;
    j["loudnessPreset"] = s.loudnessPreset;
    j["mastered"] = o.report.mastered;
    j["problems"] = o.problems;
    return j.dump(2) + "\n";
}
} // namespace

RenderTask::~RenderTask()
{
    cancel();
    const plugins::AbandonPluginWaits abandon; // the render may be waiting for this (message) thread to make a plug-in
    if (thread_.joinable())
        thread_.join();
}

OutputSettings RenderTask::outputFor(const RenderSettings& s)
{
    OutputSettings out;
    // The core renderer always writes a mix (the stems are checked against it). Stems only: it goes to a scratch
    // folder and is deleted afterwards, and it is not mastered (mastering is for the mix; stems stay premaster).
    out.mixPath = (s.mix ? s.folder : scratchFolder(s)) / ("mix" + extensionFor(s.format));
    if (s.stems)
        out.stemsFolder = s.folder / "stems";
    out.format = s.format;
    out.bitDepth = s.bitDepth;
    out.freezeFolders = s.freezeFolders;
    // The panel's loudness preset is the core's delivery target; "none" (or anything unknown) renders the plain sum.
    if (const auto target = s.mix ? deliveryPreset(s.loudnessPreset) : std::nullopt) {
        out.mastering.enabled = true;
        out.mastering.targets = { *target };
    } else {
        out.mastering.enabled = false;
    }
    return out;
}

double RenderTask::elapsedSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

double RenderTask::etaSeconds() const
{
    const double p = progress(), t = elapsedSeconds();
    return p > 0.02 && p < 1.0 ? t * (1.0 - p) / p : -1.0;
}

std::string RenderTask::start(Arrangement song, RenderSettings settings, Done onDone)
{
    if (isRunning())
        return "a render is already running";
    if (song.tracks.empty())
        return "the song has no tracks: generate an arrangement first";
    if (settings.folder.empty())
        return "choose a destination folder";
    if (!settings.mix && !settings.stems)
        return "choose the mix, the stems or both";
    if (auto problem = checkOutputSettings(outputFor(settings)); !problem.empty())
        return problem;
    if (thread_.joinable())
        thread_.join();
    control_ = std::make_shared<JobControl>();
    running_.store(true);
    started_ = std::chrono::steady_clock::now();
    song.sampleRate = settings.sampleRate;
    thread_ = std::thread([this, control = control_, song = std::move(song), settings, onDone = std::move(onDone)] {
        RenderOutcome outcome;
        std::error_code ec;
        fs::create_directories(settings.mix ? settings.folder : scratchFolder(settings), ec);
        // What was rendered is always on record beside the mix, written before rendering (as the CLI does).
        outcome.arrangementPath = settings.folder / "arrangement.json";
        if (auto st = writeArrangementFile(song, outcome.arrangementPath); !st) {
            outcome.report.error = st.error();
        } else {
            auto prepared = prepareArrangementJob(song, outputFor(settings));
            outcome.problems = prepared.problems;
            prepared.job.workers = ParallelPlanRunner::defaultWorkerCount();
            if (control->cancelled())
                outcome.report.cancelled = true, outcome.report.error = "cancelled";
            else if (prepared.job.tracks.empty())
                outcome.report.error = "no track could be prepared";
            else
                outcome.report = AIAsyncRenderer::render(prepared.job, *control);
        }
        if (outcome.report.ok) {
            outcome.reportPath = settings.folder / "render-report.json";
            if (auto st = writeTextFileAtomically(outcome.reportPath, reportJson(outcome, settings)); !st)
                outcome.problems.push_back(st.error());
        }
        if (!settings.mix) { // done, failed or cancelled: the scratch mix never stays
            std::error_code removed;
            fs::remove_all(scratchFolder(settings), removed);
            outcome.report.mixPath.clear();
        }
        running_.store(false);
        callAsyncIfAlive(owner_, [onDone, outcome = std::move(outcome)]() mutable { onDone(std::move(outcome)); });
    });
    return {};
}

} // namespace loopmind
