#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/LinearLoopScorer.h"
#include "Arrangement/PackReport.h"
#include "Arrangement/SongLimits.h"
#include "Arrangement/StyleTemplate.h"
#include "Cli/ArrangeFromArguments.h"
#include "Core/PathText.h"
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>

namespace loopmind::cli {

namespace {
/** The rate most arranged loops have (ties: the higher), so most loops play without resampling. */
double commonSampleRate(const std::vector<LoopInfo>& loops)
{
    std::map<double, int> votes;
    for (const auto& l : loops)
        if (l.ok) votes[l.sampleRate] += 1;
    double best = 44100;
    int n = 0;
    for (const auto& [rate, count] : votes)
        if (count >= n) { best = rate; n = count; }
    return best;
}

/** "0.2,0.5,1" -> per-section energies, each 0..1. */
std::vector<double> parseEnergies(const std::string& text)
{
    std::vector<double> out;
    size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const auto item = text.substr(start, comma - start);
        char* end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (item.empty() || end != item.c_str() + item.size() || !(v >= 0 && v <= 1))
            throw UsageError { "--energy: '" + item + "' is not a number from 0 to 1 (give e.g. --energy 0.2,0.5,1,0.3,1,0.2)" };
        out.push_back(v);
        start = comma + 1;
    }
    return out;
}
} // namespace

ArrangedSong arrangeFromArguments(const Arguments& args)
{
    ArrangementRequest request;
    request.seed = args.unsignedNumber("seed").value_or(1);
    request.bpm = args.number("bpm", 40, 300);
    if (auto bars = args.number("bars", 4, 4096))
        request.bars = int(*bars);
    if (auto name = args.text("style")) {
        auto style = loadStyle(*name);
        if (!style)
            throw UsageError { "--style: " + style.error() };
        request.style = style.value();
    }
    if (auto energy = args.text("energy"))
        request.energy = parseEnergies(*energy);
    if (auto weights = args.text("scorer")) { // a learned loop scorer; without it the rule-based one
        auto scorer = LinearLoopScorer::load(pathFromText(*weights));
        if (!scorer)
            throw UsageError { "--scorer: " + scorer.error() };
        request.scorer = scorer.value();
    }
    auto analysed = analyseInputs(args, true);
    request.sampleRate = args.number("sample-rate", 8000, 384000).value_or(commonSampleRate(analysed.loops));
    ArrangedSong song { AIArrangementEngine().arrange(analysed.loops, request), analysed.failures, std::move(analysed.loops) };
    if (auto tooBig = songLimitProblem(song.arrangement))
        throw UsageError { "--bars and --bpm: " + *tooBig };
    // Loop paths absolute, so the file plays wherever it is written (relative paths are read against its folder).
    for (auto& t : song.arrangement.tracks)
        t.loopPath = std::filesystem::absolute(t.loopPath).lexically_normal();
    return song;
}

void printArrangementSummary(const Arrangement& a)
{
    std::cerr << "song: " << (a.style.empty() ? "" : a.style + ", ") << a.bpm << " BPM, key " << a.key.value_or("unknown") << ", " << a.totalBars() << " bars ("
              << std::lround(a.lengthInSeconds()) << " s), " << a.tracks.size() << " tracks, seed " << a.seed << "\n";
    for (const auto& e : a.excluded)
        std::cerr << "  left out " << pathText(e.path) << ": " << e.reason << "\n";
}

int runArrange(int argc, char** argv)
{
    auto valueOptions = arrangeValueOptions;
    valueOptions.insert({ "out", "sample-rate", "jobs", "check", "remix", "distance" });
    Arguments args(argc, argv, 2, valueOptions, { "no-cache", "explain", "no-render" });
    if (args.has("check"))
        return runArrangeCheck(args);
    if (args.has("remix"))
        return runArrangeRemix(args);
    if (args.positional().empty())
        throw UsageError { "give at least one loop file or folder" };
    const auto out = args.text("out");
    if (!out)
        throw UsageError { "--out arrangement.json is required" };
    auto song = arrangeFromArguments(args);
    if (interruptControl().cancelled())
        return usageOrFatal;
    if (song.arrangement.tracks.empty()) {
        std::cerr << "loopmind arrange: no usable loops, nothing to arrange\n";
        return usageOrFatal;
    }
    if (auto st = writeArrangementFile(song.arrangement, pathFromText(*out)); !st) {
        std::cerr << "loopmind arrange: " << st.error() << "\n";
        return usageOrFatal;
    }
    if (args.has("explain"))
        std::cout << explainPack(song.loops, song.arrangement, args.has("style"));
    printArrangementSummary(song.arrangement);
    std::cerr << "arrangement: " << *out << "\n";
    return song.failures > 0 ? someInputsFailed : success;
}

} // namespace loopmind::cli
