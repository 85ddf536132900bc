// The offline renderer: stems sum to the mix, re-renders are byte-identical, cancel leaves old files,
// other sample rates are converted properly, and the song's length comes from the arrangement.
#include "Arrangement/Arrangement.h"
#include "Library/AudioConforming.h"
#include "Library/DecodedAudio.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <cmath>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
Arrangement twoTrackSong(const TempFolder& dir, double loopRate = 44100)
{
    const double bpm = 120, bar = 2.0;
    writeAudioFile(dir / "drums.wav", makeBeatSignal(44100, 2, 2 * bar, bpm, 0.6f), 44100, 24);
    writeAudioFile(dir / "keys.wav", makeBeatSignal(loopRate, 1, 1 * bar, bpm / 2, 0.4f), loopRate, 24);
    Arrangement a;
    a.bpm = bpm;
    a.sampleRate = 44100;
    a.sections = { { "intro", 0, 4, 0.3 }, { "main", 4, 8, 1.0 } };
    a.tracks.push_back({ "drums", "drums", dir / "drums.wav", bpm, 8, "none", -3.0, { { 0, 12 } } });
    a.tracks.back().strip.pan = -0.3;
    a.tracks.push_back({ "keys", "chords", dir / "keys.wav", bpm, 4, "A minor", -6.0, { { 4, 8 } } });
    a.tracks.back().strip.pan = 0.4;
    return a;
}

OutputSettings outputs(const TempFolder& dir, int bits, const std::string& name = "mix.wav")
{
    OutputSettings o;
    o.mixPath = dir / name;
    o.stemsFolder = dir / "stems";
    o.bitDepth = bits;
    o.mastering.enabled = false; // these tests check the plain sum; mastering has its own tests (MasteringRenderTests)
    return o;
}

RenderReport renderNow(const Arrangement& a, const OutputSettings& o)
{
    JobControl control;
    auto prepared = prepareArrangementJob(a, o);
    REQUIRE(prepared.problems.empty());
    return AIAsyncRenderer::render(prepared.job, control);
}
} // namespace

TEST_CASE("stems have the mix's length and rate and sum to it (32-bit float)", "[render]")
{
    TempFolder dir;
    auto a = twoTrackSong(dir);
    auto report = renderNow(a, outputs(dir, 32));
    REQUIRE(report.ok);
    REQUIRE(report.stemPaths.size() == 2);
    double rate = 0;
    auto mix = readAudioFile(report.mixPath, &rate);
    CHECK(rate == 44100);
    CHECK(mix.getNumSamples() == a.lengthInSamples());
    CHECK(a.lengthInSamples() == 12 * 88200);
    juce::AudioBuffer<float> sum(2, mix.getNumSamples());
    sum.clear();
    for (const auto& stemPath : report.stemPaths) {
        auto stem = readAudioFile(stemPath);
        REQUIRE(stem.getNumSamples() == mix.getNumSamples());
        for (int c = 0; c < 2; ++c)
            sum.addFrom(c, 0, stem, c, 0, stem.getNumSamples());
    }
    float worst = 0;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < mix.getNumSamples(); ++i)
            worst = std::max(worst, std::abs(sum.getSample(c, i) - mix.getSample(c, i)));
    CHECK(worst < 1e-4f);
    CHECK(mix.getMagnitude(0, 0, mix.getNumSamples()) > 0.1f);
    // The keys enter at bar 4: silence before, sound after.
    auto keys = readAudioFile(report.stemPaths[1]);
    CHECK(keys.getMagnitude(0, 0, 4 * 88200) == 0.0f);
    CHECK(keys.getMagnitude(0, 4 * 88200, 88200) > 0.05f);
}

TEST_CASE("rendering twice gives byte-identical files", "[render]")
{
    for (int bits : { 16, 24, 32 }) {
        DYNAMIC_SECTION(bits << "-bit")
        {
            TempFolder dir;
            auto a = twoTrackSong(dir);
            REQUIRE(renderNow(a, outputs(dir, bits, "first.wav")).ok);
            const auto first = readBytes(dir / "first.wav");
            const auto firstStem = readBytes(dir / "stems/01 drums.wav");
            REQUIRE(renderNow(a, outputs(dir, bits, "second.wav")).ok);
            CHECK(first == readBytes(dir / "second.wav"));
            CHECK(firstStem == readBytes(dir / "stems/01 drums.wav"));
        }
    }
}

TEST_CASE("a cancelled render leaves the earlier file untouched and no partial files", "[render]")
{
    TempFolder dir;
    auto a = twoTrackSong(dir);
    a.sections.back().bars = 400; // long enough to cancel in flight
    a.tracks[0].clips[0].bars = 404;
    writeBytes(dir / "mix.wav", "previous render");
    auto prepared = prepareArrangementJob(a, outputs(dir, 24));
    AIAsyncRenderer renderer;
    renderer.start(std::move(prepared.job));
    while (renderer.progress() < 0.05 && renderer.isRunning())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    renderer.cancel();
    auto report = renderer.waitForResult();
    CHECK_FALSE(report.ok);
    CHECK(report.cancelled);
    CHECK(readBytes(dir / "mix.wav") == "previous render");
    for (const auto& e : fs::recursive_directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a loop at another sample rate is converted, keeping its pitch and timing", "[render]")
{
    TempFolder dir;
    auto a = twoTrackSong(dir, 48000);
    auto report = renderNow(a, outputs(dir, 32));
    REQUIRE(report.ok);
    auto keys = readAudioFile(report.stemPaths[1]);
    // Count rising zero crossings over one second of the 220 Hz tone in the keys stem.
    const float* d = keys.getReadPointer(0);
    int crossings = 0;
    const int from = 4 * 88200 + 1000;
    for (int i = from; i < from + 44100; ++i)
        crossings += d[i - 1] < 0 && d[i] >= 0;
    CHECK(crossings == Approx(220).margin(2));
}

TEST_CASE("an arrangement whose loop is missing renders the rest and reports the track", "[render]")
{
    TempFolder dir;
    auto a = twoTrackSong(dir);
    a.tracks[1].loopPath = dir / "gone.wav";
    auto prepared = prepareArrangementJob(a, outputs(dir, 24));
    REQUIRE(prepared.problems.size() == 1);
    CHECK(prepared.problems[0].find("gone.wav") != std::string::npos);
    CHECK(prepared.job.tracks.size() == 1);
}

TEST_CASE("stems mix through the same renderer, aligned at zero", "[render]")
{
    TempFolder dir;
    writeAudioFile(dir / "a.wav", makeBeatSignal(44100, 2, 3.0, 100, 0.3f), 44100, 24);
    writeAudioFile(dir / "b.wav", makeBeatSignal(44100, 1, 2.0, 100, 0.3f), 44100, 16);
    OutputSettings o;
    o.mixPath = dir / "mix.wav";
    o.bitDepth = 32;
    o.mastering.enabled = false; // the plain sum is checked sample by sample
    auto prepared = prepareStemMixJob({ dir / "a.wav", dir / "b.wav" }, std::nullopt, o);
    JobControl control;
    auto report = AIAsyncRenderer::render(prepared.job, control);
    REQUIRE(report.ok);
    auto mix = readAudioFile(o.mixPath);
    CHECK(mix.getNumSamples() == 3 * 44100);
    auto a = readAudioFile(dir / "a.wav");
    CHECK(std::abs(mix.getSample(0, 100000) - a.getSample(0, 100000)) < 1e-6f); // only a plays after 2 s
    CHECK(std::abs(mix.getSample(0, 50000) - a.getSample(0, 50000)) > 1e-4f);   // both before
}

TEST_CASE("stems at the mix's rate stream from their files and sum exactly, whatever their channels", "[render][mix]")
{
    TempFolder dir;
    auto four = makeBeatSignal(44100, 4, 2.5, 120, 0.2f);
    writeAudioFile(dir / "stereo.wav", makeBeatSignal(44100, 2, 3.0, 100, 0.3f), 44100, 24);
    writeAudioFile(dir / "mono.wav", makeBeatSignal(44100, 1, 2.0, 90, 0.3f), 44100, 16);
    writeAudioFile(dir / "four.wav", four, 44100, 24);
    writeAudioFile(dir / "other rate.wav", makeBeatSignal(48000, 1, 1.0, 140, 0.3f), 48000, 24);
    OutputSettings o;
    o.mixPath = dir / "mix.wav";
    o.bitDepth = 32;
    o.mastering.enabled = false;
    const std::vector<std::filesystem::path> stems { dir / "stereo.wav", dir / "mono.wav", dir / "four.wav", dir / "other rate.wav" };
    auto prepared = prepareStemMixJob(stems, std::nullopt, o);
    REQUIRE(prepared.problems.empty());
    REQUIRE(prepared.job.tracks.size() == 4);
    for (int t = 0; t < 3; ++t) // at 44.1 kHz: streamed, nothing decoded up front
        CHECK((prepared.job.tracks[size_t(t)].stream != nullptr && prepared.job.tracks[size_t(t)].audio == nullptr));
    CHECK(prepared.job.tracks[3].stream != nullptr); // another rate: resampled in memory, played the same way
    // Each stem alone, then all together, against whole decoded files conformed as the loader does.
    auto expectedOf = [&](const std::vector<std::filesystem::path>& paths, int length) {
        juce::AudioBuffer<float> sum(2, length);
        sum.clear();
        for (const auto& path : paths) {
            auto decoded = decodeAudioFile(path);
            REQUIRE(decoded.ok());
            auto stereo = conformedStereo(path, decoded->audio, decoded->sampleRate, 44100, false);
            REQUIRE(stereo.ok());
            for (int c = 0; c < 2; ++c)
                sum.addFrom(c, 0, *stereo.value(), c, 0, std::min(length, stereo.value()->getNumSamples()));
        }
        return sum;
    };
    auto sets = std::vector<std::vector<std::filesystem::path>> { { stems[0] }, { stems[1] }, { stems[2] }, { stems[3] }, stems };
    for (const auto& set : sets) {
        INFO(set.size() << " stem(s), the first " << set[0].filename().string());
        auto job = prepareStemMixJob(set, 44100.0, o);
        JobControl control;
        auto report = AIAsyncRenderer::render(job.job, control);
        REQUIRE(report.ok);
        auto mix = readAudioFile(o.mixPath);
        REQUIRE(mix.getNumSamples() == int(job.job.lengthInSamples));
        const auto expected = expectedOf(set, mix.getNumSamples());
        float worst = 0;
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < mix.getNumSamples(); ++i)
                worst = std::max(worst, std::abs(mix.getSample(c, i) - expected.getSample(c, i)));
        CHECK(worst < 1e-6f);
    }
}

TEST_CASE("a streamed stem whose file is shorter than its header says mixes what is there", "[render][mix]")
{
    TempFolder dir;
    writeAudioFile(dir / "whole.wav", makeBeatSignal(44100, 2, 2.0, 100, 0.3f), 44100, 16);
    writeAudioFile(dir / "cut.wav", makeBeatSignal(44100, 2, 2.0, 120, 0.3f), 44100, 16);
    std::filesystem::resize_file(dir / "cut.wav", std::filesystem::file_size(dir / "cut.wav") / 2); // header still says 2 s
    OutputSettings o;
    o.mixPath = dir / "mix.wav";
    o.mastering.enabled = false;
    auto prepared = prepareStemMixJob({ dir / "whole.wav", dir / "cut.wav" }, std::nullopt, o);
    REQUIRE(prepared.job.tracks.size() == 2);
    CHECK(prepared.job.tracks[1].stream->length() < 44100 + 100); // the file size, not the header, sets the length
    JobControl control;
    auto report = AIAsyncRenderer::render(prepared.job, control);
    REQUIRE(report.ok);
    CHECK(readAudioFile(o.mixPath).getNumSamples() == 2 * 44100);
}
