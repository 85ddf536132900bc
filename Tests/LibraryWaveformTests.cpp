// LoopInfo carries the waveform summary from analysis, and the analysis cache gives back the same one,
// so the app draws thumbnails without decoding.
#include "Analysis/LoopAnalysis.h"
#include "Library/AnalysisCache.h"
#include "Library/LoopAnalyser.h"
#include "Library/WaveformCodec.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <fstream>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
void requireSame(const analysis::WaveformSummary& a, const analysis::WaveformSummary& b)
{
    REQUIRE(a.levels.size() == b.levels.size());
    for (size_t l = 0; l < a.levels.size(); ++l) {
        CHECK(a.levels[l].samplesPerBin == b.levels[l].samplesPerBin);
        CHECK(a.levels[l].minimum == b.levels[l].minimum);
        CHECK(a.levels[l].maximum == b.levels[l].maximum);
    }
}
} // namespace

TEST_CASE("the library waveform is bounded in size and rounds peaks outwards", "[library][waveform]")
{
    juce::AudioBuffer<float> audio(2, 48000 * 30);
    audio.clear();
    audio.setSample(0, 1000, 0.501f);
    audio.setSample(1, 1001, -0.499f);
    const auto summary = analysis::summariseWaveformForLibrary(audio);
    REQUIRE(!summary.empty());
    const auto& finest = summary.levels.front();
    CHECK(finest.minimum.size() <= size_t(analysis::kLibraryWaveformMaxBins));
    CHECK(finest.samplesPerBin >= 256);
    CHECK(finest.maximum[0] >= 0.501f);
    CHECK(finest.maximum[0] < 0.501f + 1.0f / 127.0f);
    CHECK(finest.minimum[0] <= -0.499f);
    CHECK(summary.levels.back().minimum.size() < 64);
    // A short loop keeps the 256-sample resolution.
    juce::AudioBuffer<float> shortLoop(1, 44100);
    shortLoop.clear();
    CHECK(analysis::summariseWaveformForLibrary(shortLoop).levels.front().samplesPerBin == 256);
    CHECK(summary.levelFor(1e9) == &summary.levels.back());
    CHECK(summary.levelFor(1.0) == &summary.levels.front());
}

TEST_CASE("the waveform blob round-trips exactly and rejects damage", "[library][waveform]")
{
    auto audio = makeBeatSignal(44100, 2, 4.0, 120.0);
    const auto summary = analysis::summariseWaveformForLibrary(audio);
    const auto blob = encodeWaveform(summary);
    REQUIRE(!blob.empty());
    const auto back = decodeWaveform(blob.data(), blob.size());
    REQUIRE(back);
    requireSame(summary, *back);
    CHECK(!decodeWaveform(blob.data(), blob.size() - 1));
    auto bad = blob;
    bad[0] = 'X';
    CHECK(!decodeWaveform(bad.data(), bad.size()));
    CHECK(!decodeWaveform(nullptr, 0));
    CHECK(encodeWaveform({}).empty());
}

TEST_CASE("analysed loops carry their waveform and the cache returns the same one", "[library][waveform][cache]")
{
    TempFolder dir;
    const auto file = dir / "beat.wav";
    writeAudioFile(file, makeBeatSignal(44100, 2, 4.0, 120.0), 44100, 16);
    auto cache = AnalysisCache::open(dir / "cache.sqlite");
    REQUIRE(cache.ok());
    JobControl control;
    AnalysisCounts first, second;
    const auto cold = analyseLoopFiles({ file }, 1, control, cache.value().get(), &first);
    const auto warm = analyseLoopFiles({ file }, 1, control, cache.value().get(), &second);
    REQUIRE(second.fromCache == 1);
    REQUIRE(cold[0].ok);
    REQUIRE(!cold[0].waveform.empty());
    CHECK(cold[0].waveform.levels.front().minimum.size() == size_t((4 * 44100 + 255) / 256));
    float peak = 0.0f;
    for (float v : cold[0].waveform.levels.back().maximum) peak = std::max(peak, v);
    CHECK(peak > 0.3f);
    requireSame(cold[0].waveform, warm[0].waveform);

    // A file that fails to load has no waveform, fresh or cached.
    const auto broken = dir / "broken.wav";
    { std::ofstream(broken) << "not audio"; }
    const auto failed = analyseLoopFiles({ broken, broken }, 1, control, cache.value().get(), nullptr);
    CHECK(failed[0].waveform.empty());
    CHECK(failed[1].waveform.empty());
}
