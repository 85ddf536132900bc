#include "Arrangement/ArrangementFile.h"
#include "Cli/ArrangeFromArguments.h"
#include "Core/PathText.h"
#include "Engine/ParallelPlanRunner.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include <chrono>
#include <iostream>
#include <thread>

namespace loopmind::cli {
namespace fs = std::filesystem;

namespace {
const std::set<std::string> outputOptions { "out", "format", "bit-depth", "sample-rate" };

OutputSettings outputFromArguments(const Arguments& args)
{
    OutputSettings s;
    const auto out = args.text("out");
    if (!out || out->empty())
        throw UsageError { "--out MIX is required" };
    s.mixPath = fs::absolute(pathFromText(*out));
    const auto format = args.text("format").value_or(s.mixPath.extension() == ".flac" ? "flac"
                                                     : (s.mixPath.extension() == ".aiff" || s.mixPath.extension() == ".aif") ? "aiff" : "wav");
    if (format == "wav") s.format = AudioFileFormat::wav;
    else if (format == "flac") s.format = AudioFileFormat::flac;
    else if (format == "aiff") s.format = AudioFileFormat::aiff;
    else throw UsageError { "--format must be wav, flac or aiff" };
    const auto bits = args.text("bit-depth").value_or("24");
    if (bits == "16") s.bitDepth = 16;
    else if (bits == "24") s.bitDepth = 24;
    else if (bits == "32f" || bits == "32") s.bitDepth = 32;
    else throw UsageError { "--bit-depth must be 16, 24 or 32f" };
    if (auto stems = args.text("stems"))
        s.stemsFolder = fs::absolute(pathFromText(*stems));
    if (auto problem = checkOutputSettings(s); !problem.empty())
        throw UsageError { problem };
    return s;
}

/** Renders on the AIAsyncRenderer's thread while this one reports progress and forwards Ctrl-C. */
int renderPrepared(PreparedJob prepared, int earlierFailures)
{
    for (const auto& p : prepared.problems)
        std::cerr << "error: " << p << "\n";
    if (prepared.job.tracks.empty()) {
        std::cerr << "loopmind: nothing to render (no track could be prepared)\n";
        return usageOrFatal;
    }
    prepared.job.workers = ParallelPlanRunner::defaultWorkerCount();
    const int bitDepth = prepared.job.output.bitDepth;
    AIAsyncRenderer renderer;
    JobControl progress;
    RenderReport report;
    runWithProgress("rendering", progress, [&] {
        renderer.start(std::move(prepared.job));
        while (renderer.isRunning()) {
            progress.progress.store(renderer.progress());
            if (progress.cancelled())
                renderer.cancel();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        report = renderer.waitForResult();
    });
    if (!report.ok) {
        std::cerr << "loopmind: render failed: " << report.error << "\n";
        return usageOrFatal;
    }
    std::cerr << "note: mastering is not implemented yet; the mix is the plain, unmastered sum of the tracks\n";
    std::printf("mix: %s (%.1f s, peak %.1f dBFS, rendered in %.2f s)\n", pathText(report.mixPath).c_str(), report.lengthSeconds,
                report.mixPeakDb, report.renderSeconds);
    if (report.mixPeakDb > 0.0 && bitDepth != 32)
        std::cerr << "warning: the mix peaks at +" << report.mixPeakDb << " dBFS and clips in a " << bitDepth
                  << "-bit file; lower the track gains in arrangement.json or render --bit-depth 32f\n";
    for (const auto& s : report.stemPaths)
        std::printf("stem: %s\n", pathText(s).c_str());
    return earlierFailures + int(prepared.problems.size()) > 0 ? someInputsFailed : success;
}
} // namespace

int runRender(int argc, char** argv)
{
    auto valueOptions = outputOptions;
    valueOptions.insert({ "stems", "seed", "bpm", "bars", "arrangement", "jobs" });
    Arguments args(argc, argv, 2, valueOptions, { "no-master" });
    const auto output = outputFromArguments(args);
    const auto arrangementIn = args.text("arrangement");
    if (arrangementIn.has_value() == !args.positional().empty())
        throw UsageError { "give either loop files/folders or --arrangement FILE" };

    Arrangement arrangement;
    int failures = 0;
    if (arrangementIn) {
        auto read = readArrangementFile(pathFromText(*arrangementIn));
        if (!read) {
            std::cerr << "loopmind render: " << read.error() << "\n";
            return usageOrFatal;
        }
        arrangement = std::move(read.value());
        if (auto rate = args.number("sample-rate", 8000, 384000))
            arrangement.sampleRate = *rate;
    } else {
        auto song = arrangeFromArguments(args);
        arrangement = std::move(song.arrangement);
        failures = song.failures;
    }
    if (interruptControl().cancelled())
        return usageOrFatal;
    // arrangement.json goes beside the mix before rendering: what was rendered is always on record.
    const auto arrangementOut = output.mixPath.parent_path() / "arrangement.json";
    std::error_code ec;
    fs::create_directories(output.mixPath.parent_path(), ec);
    if (auto st = writeArrangementFile(arrangement, arrangementOut); !st) {
        std::cerr << "loopmind render: " << st.error() << "\n";
        return usageOrFatal;
    }
    printArrangementSummary(arrangement);
    std::printf("arrangement: %s\n", pathText(arrangementOut).c_str());
    return renderPrepared(prepareArrangementJob(arrangement, output), failures);
}

int runMix(int argc, char** argv)
{
    auto valueOptions = outputOptions;
    Arguments args(argc, argv, 2, valueOptions, { "no-master" });
    if (args.positional().empty())
        throw UsageError { "give the stem files to mix" };
    const auto output = outputFromArguments(args);
    std::error_code ec;
    fs::create_directories(output.mixPath.parent_path(), ec);
    return renderPrepared(prepareStemMixJob(args.positional(), args.number("sample-rate", 8000, 384000), output), 0);
}

} // namespace loopmind::cli
