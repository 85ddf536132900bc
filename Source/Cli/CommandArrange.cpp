#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/ArrangementFile.h"
#include "Cli/ArrangeFromArguments.h"
#include "Core/PathText.h"
#include <cmath>
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
} // namespace

ArrangedSong arrangeFromArguments(const Arguments& args)
{
    ArrangementRequest request;
    request.seed = args.unsignedNumber("seed").value_or(1);
    request.bpm = args.number("bpm", 40, 300);
    if (auto bars = args.number("bars", 4, 4096))
        request.bars = int(*bars);
    auto analysed = analyseInputs(args, true);
    request.sampleRate = args.number("sample-rate", 8000, 384000).value_or(commonSampleRate(analysed.loops));
    ArrangedSong song { AIArrangementEngine().arrange(analysed.loops, request), analysed.failures };
    return song;
}

void printArrangementSummary(const Arrangement& a)
{
    std::cerr << "song: " << a.bpm << " BPM, key " << a.key.value_or("unknown") << ", " << a.totalBars() << " bars ("
              << std::lround(a.lengthInSeconds()) << " s), " << a.tracks.size() << " tracks, seed " << a.seed << "\n";
    for (const auto& e : a.excluded)
        std::cerr << "  left out " << pathText(e.path) << ": " << e.reason << "\n";
}

int runArrange(int argc, char** argv)
{
    Arguments args(argc, argv, 2, { "out", "seed", "bpm", "bars", "sample-rate", "jobs" }, { "no-cache" });
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
    printArrangementSummary(song.arrangement);
    std::cerr << "arrangement: " << *out << "\n";
    return song.failures > 0 ? someInputsFailed : success;
}

} // namespace loopmind::cli
