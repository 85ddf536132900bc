#include "Arrangement/ArrangementFile.h"
#include "Cli/ArrangeFromArguments.h"
#include "Core/PathText.h"
#include "Engine/ParallelPlanRunner.h"
#include "Plugins/PluginHost.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include <chrono>
#include <iostream>
#include <limits>
#include <thread>

namespace loopmind::cli {
namespace fs = std::filesystem;

namespace {
const std::set<std::string> outputOptions { "out", "format", "bit-depth", "bitrate", "sample-rate", "preset", "deliver", "lufs", "true-peak",
                                            "master-intensity" };
const std::set<std::string> outputSwitches { "no-master" };

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::string item;
    for (char c : text + ",") {
        if (c == ',') {
            if (!item.empty())
                items.push_back(item);
            item.clear();
        } else if (c != ' ') {
            item += c;
        }
    }
    return items;
}

/** --preset / --deliver / --lufs / --true-peak / --master-intensity / --no-master. */
MasteringSettings masteringFromArguments(const Arguments& args)
{
    MasteringSettings m;
    m.enabled = !args.has("no-master");
    if (args.has("preset") && args.has("deliver"))
        throw UsageError { "give --preset or --deliver, not both" };
    std::vector<std::string> names { args.text("preset").value_or("streaming") };
    if (auto deliver = args.text("deliver"))
        names = splitList(*deliver);
    if (names.empty())
        throw UsageError { "--deliver needs target names (" + deliveryPresetNames() + ")" };
    m.targets.clear();
    for (const auto& name : names) {
        auto preset = deliveryPreset(name);
        if (!preset)
            throw UsageError { "unknown delivery target '" + name + "' (known: " + deliveryPresetNames() + ")" };
        for (const auto& t : m.targets)
            if (t.name == name)
                throw UsageError { "--deliver names '" + name + "' twice" };
        m.targets.push_back(*preset);
    }
    const auto lufs = args.number("lufs", -70, 0);
    const auto ceiling = args.number("true-peak", -20, 0);
    for (auto& t : m.targets) {
        if (lufs) t.lufs = *lufs;
        if (ceiling) t.truePeakDb = *ceiling;
    }
    if (lufs && !args.has("preset") && !args.has("deliver"))
        m.targets.front().name = "custom";
    if (auto intensity = args.number("master-intensity", 0, 1))
        m.intensity = *intensity;
    return m;
}

OutputSettings outputFromArguments(const Arguments& args)
{
    OutputSettings s;
    const auto out = args.text("out");
    if (!out || out->empty())
        throw UsageError { "--out MIX is required" };
    s.mixPath = fs::absolute(pathFromText(*out));
    const auto ext = s.mixPath.extension();
    const auto format = args.text("format").value_or(ext == ".flac" ? "flac" : (ext == ".aiff" || ext == ".aif") ? "aiff"
                                                                             : ext == ".mp3" ? "mp3" : ext == ".ogg" ? "ogg" : "wav");
    if (format == "wav") s.format = AudioFileFormat::wav;
    else if (format == "flac") s.format = AudioFileFormat::flac;
    else if (format == "aiff") s.format = AudioFileFormat::aiff;
    else if (format == "mp3") s.format = AudioFileFormat::mp3;
    else if (format == "ogg") s.format = AudioFileFormat::ogg;
    else throw UsageError { "--format must be wav, flac, aiff, mp3 or ogg" };
    if (auto kbps = args.number("bitrate", 32, 320))
        s.bitrateKbps = int(*kbps);
    const auto bits = args.text("bit-depth").value_or("24");
    if (bits == "16") s.bitDepth = 16;
    else if (bits == "24") s.bitDepth = 24;
    else if (bits == "32f" || bits == "32") s.bitDepth = 32;
    else throw UsageError { "--bit-depth must be 16, 24 or 32f" };
    if (auto stems = args.text("stems"))
        s.stemsFolder = fs::absolute(pathFromText(*stems));
    s.mastering = masteringFromArguments(args);
    if (auto problem = checkOutputSettings(s); !problem.empty())
        throw UsageError { problem };
    return s;
}

void printRenderSummary(const RenderReport& report, int bitDepth)
{
    auto number = [](const std::optional<double>& v) { return v ? *v : -std::numeric_limits<double>::infinity(); };
    if (!report.mastered) {
        std::printf("mix: %s (%.1f s, unmastered sum: %.1f LUFS, peak %.1f dBFS, rendered in %.2f s)\n", pathText(report.mixPath).c_str(),
                    report.lengthSeconds, number(report.premaster.integratedLufs), report.mixPeakDb, report.renderSeconds);
        if (report.mixPeakDb > 0.0 && bitDepth != 32)
            std::cerr << "warning: the mix peaks at +" << report.mixPeakDb << " dBFS and clips in a " << bitDepth
                      << "-bit file; lower the track gains in arrangement.json or render --bit-depth 32f\n";
    } else {
        std::printf("premaster: %.1f LUFS, sample peak %.1f dBFS, LRA %.1f LU (the plain sum; stems sum to it)\n",
                    number(report.premaster.integratedLufs), report.mixPeakDb, number(report.premaster.lra));
        for (const auto& m : report.masters) {
            const auto& x = m.measurements;
            std::printf("mix: %s (%.1f s, %s: %.2f LUFS for %.1f, true peak %.2f dBTP under %.1f, LRA %.1f LU, gain %+.1f dB, "
                        "limiter max %.1f / mean %.2f dB)\n",
                        pathText(m.path).c_str(), report.lengthSeconds, x.target.name.c_str(), number(x.measured.integratedLufs),
                        x.target.lufs, number(x.measured.truePeakDb), x.target.truePeakDb, number(x.measured.lra), x.gainDb,
                        x.limiter.maxReductionDb, x.limiter.meanReductionDb);
        }
        std::printf("rendered and mastered in %.2f s (mastering %.2f s)\n", report.renderSeconds, report.masteringSeconds);
    }
    for (const auto& w : report.warnings)
        std::cerr << "warning: " << w << "\n";
    std::printf("report: %s\n", pathText(report.reportPath).c_str());
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
    printRenderSummary(report, bitDepth);
    for (const auto& s : report.stemPaths)
        std::printf("stem: %s\n", pathText(s).c_str());
    return earlierFailures + int(prepared.problems.size()) > 0 ? someInputsFailed : success;
}
} // namespace

int runRender(int argc, char** argv)
{
    auto valueOptions = outputOptions;
    valueOptions.insert({ "stems", "arrangement", "jobs", "plugin-path" });
    valueOptions.insert(arrangeValueOptions.begin(), arrangeValueOptions.end());
    auto switches = outputSwitches;
    switches.insert("no-cache");
    Arguments args(argc, argv, 2, valueOptions, switches);
    if (auto folders = args.text("plugin-path")) // hosted plug-ins outside the formats' default folders
        for (const auto& folder : juce::StringArray::fromTokens(*folders, ":", ""))
            plugins::addPluginFolder(folder.toStdString());
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
    Arguments args(argc, argv, 2, valueOptions, outputSwitches);
    if (args.positional().empty())
        throw UsageError { "give the stem files to mix" };
    const auto output = outputFromArguments(args);
    std::error_code ec;
    fs::create_directories(output.mixPath.parent_path(), ec);
    return renderPrepared(prepareStemMixJob(args.positional(), args.number("sample-rate", 8000, 384000), output), 0);
}

} // namespace loopmind::cli
