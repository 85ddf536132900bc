// `loopmind arrange --check FILE` and `loopmind arrange --remix FILE --distance D [--seed N] [PATH...] --out FILE`.
#include "Arrangement/ArrangementChecker.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/RenderedEnergy.h"
#include "Render/UnmasteredRender.h"
#include "Arrangement/Remix.h"
#include "Cli/ArrangeFromArguments.h"
#include "Core/PathText.h"
#include <iostream>
#include <unistd.h>

namespace loopmind::cli {

int runArrangeCheck(const Arguments& args)
{
    const auto file = pathFromText(*args.text("check"));
    auto song = readArrangementFile(file);
    if (!song) {
        std::cerr << "loopmind arrange: " << song.error() << "\n";
        return usageOrFatal;
    }
    const auto& a = song.value();
    auto style = loadStyle(a.style.empty() ? styleForTempo(a.bpm) : a.style);
    if (!style) {
        std::cerr << "loopmind arrange: " << style.error() << "\n";
        return usageOrFatal;
    }
    auto report = checkArrangement(a, style.value());
    report.findings.push_back({ "determinism", true, "not checked from a file (needs the loops and the options; the tests check it)" });
    if (!args.has("no-render")) {
        // Measured on an unmastered render (the limiter would flatten the arc), written to a scratch file.
        const auto scratch = std::filesystem::temp_directory_path() / ("loopmind-check-" + std::to_string(::getpid()) + ".wav");
        auto loudness = unmasteredSectionLoudness(a, scratch);
        std::error_code ec;
        std::filesystem::remove(scratch, ec);
        if (!loudness)
            report.findings.push_back({ "render", false, loudness.error() });
        else
            for (auto& f : renderedEnergyFindings(measureEnergy(a, loudness.value())))
                report.findings.push_back(f);
    }
    std::cout << report.text();
    std::cerr << (report.passed() ? "all checks pass\n" : "some checks fail\n");
    return report.passed() ? success : someInputsFailed;
}

int runArrangeRemix(const Arguments& args)
{
    const auto out = args.text("out");
    if (!out)
        throw UsageError { "--out arrangement.json is required" };
    const auto distance = args.number("distance", 0, 1);
    if (!distance)
        throw UsageError { "--remix needs --distance D (0 keeps the song, 1 changes everything the loops allow)" };
    auto source = readArrangementFile(pathFromText(*args.text("remix")));
    if (!source) {
        std::cerr << "loopmind arrange: " << source.error() << "\n";
        return usageOrFatal;
    }
    RemixRequest request;
    request.distance = *distance;
    request.seed = args.unsignedNumber("seed").value_or(source->seed + 1);
    int failures = 0;
    if (!args.positional().empty()) { // more loops the remix may bring in
        auto analysed = analyseInputs(args, true);
        request.extraLoops = std::move(analysed.loops);
        failures = analysed.failures;
    }
    const auto remix = remixArrangement(source.value(), request);
    if (auto st = writeArrangementFile(remix.arrangement, pathFromText(*out)); !st) {
        std::cerr << "loopmind arrange: " << st.error() << "\n";
        return usageOrFatal;
    }
    std::cerr << remix.note << "\n";
    printArrangementSummary(remix.arrangement);
    std::cerr << "arrangement: " << *out << "\n";
    return failures > 0 ? someInputsFailed : success;
}

} // namespace loopmind::cli
