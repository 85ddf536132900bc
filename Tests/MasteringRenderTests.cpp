// Mastering inside renders: demo-like songs and stem mixes land on -14 and -23 LUFS (libebur128 and
// ffmpeg agree), stems stay premaster, re-renders are byte-identical, and the master lines up with the stems.
#include "Arrangement/Arrangement.h"
#include "Mastering/Ebur128Meter.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include "Support/FfmpegLoudness.h"
#include "Support/MasteringSignals.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
constexpr double rate = masteringTestRate;
const std::string loopmindBinary = LOOPMIND_BIN_DIR "/loopmind";

Arrangement demoSong(const TempFolder& dir)
{
    Arrangement a;
    a.bpm = 120;
    a.sampleRate = rate;
    a.sections = { { "intro", 0, 4, 0.3 }, { "main", 4, 8, 1.0 }, { "outro", 12, 4, 0.5 } };
    const std::vector<std::pair<std::string, float>> roles { { "drums", 0.7f }, { "bass", 0.5f }, { "chords", 0.3f } };
    for (const auto& [role, level] : roles) {
        writeAudioFile(dir / (role + ".wav"), roleLoop(role, level), rate, 24);
        a.tracks.push_back({ role, role, dir / (role + ".wav"), 120, 8, std::nullopt, -3.0, { { role == "drums" ? 0 : 4, 12 } } });
    }
    return a;
}

OutputSettings deliverBoth(const TempFolder& dir, const std::string& name = "mix.wav")
{
    OutputSettings o;
    o.mixPath = dir / "out" / name;
    o.stemsFolder = dir / "out" / "stems";
    o.mastering.targets = { *deliveryPreset("streaming"), *deliveryPreset("broadcast") };
    return o;
}

RenderReport renderSong(const Arrangement& a, const OutputSettings& o)
{
    JobControl control;
    auto prepared = prepareArrangementJob(a, o);
    REQUIRE(prepared.problems.empty());
    return AIAsyncRenderer::render(prepared.job, control);
}

/** Checks every delivered file on disk against its target with libebur128. */
void checkDelivered(const RenderReport& report)
{
    REQUIRE(report.masters.size() == 2);
    for (const auto& m : report.masters) {
        double fileRate = 0;
        auto audio = readAudioFile(m.path, &fileRate);
        const auto measured = mastering::Ebur128Meter::measure(audio, fileRate, true);
        REQUIRE(measured.integratedLufs.has_value());
        WARN(m.measurements.target.name << ": " << *measured.integratedLufs << " LUFS (target " << m.measurements.target.lufs << "), "
                                        << *measured.truePeakDb << " dBTP, limiter max " << m.measurements.limiter.maxReductionDb
                                        << " dB, mean " << m.measurements.limiter.meanReductionDb << " dB");
        CHECK(std::abs(*measured.integratedLufs - m.measurements.target.lufs) <= 0.5);
        CHECK(std::abs(*measured.integratedLufs - m.measurements.target.lufs) <= 0.2); // the aim
        CHECK(*measured.truePeakDb <= m.measurements.target.truePeakDb);
    }
}

} // namespace

TEST_CASE("a demo-like song renders to -14 and -23 LUFS from one render, stems premaster", "[mastering]")
{
    TempFolder dir;
    const auto a = demoSong(dir);
    auto report = renderSong(a, deliverBoth(dir));
    REQUIRE(report.ok);
    CHECK(report.masters[0].path == dir / "out" / "mix.streaming.wav");
    CHECK(report.masters[1].path == dir / "out" / "mix.broadcast.wav");
    CHECK_FALSE(fs::exists(dir / "out" / "mix.wav"));
    checkDelivered(report);

    // Stems are premaster: their sum is the plain mix, whose loudness the report gives as the A of the A/B.
    REQUIRE(report.stemsResidual.has_value());
    CHECK(*report.stemsResidual < 1e-6);
    juce::AudioBuffer<float> sum(2, int(a.lengthInSamples()));
    sum.clear();
    for (const auto& s : report.stemPaths) {
        auto stem = readAudioFile(s);
        for (int c = 0; c < 2; ++c)
            sum.addFrom(c, 0, stem, c, 0, stem.getNumSamples());
    }
    const auto premaster = mastering::Ebur128Meter::measure(sum, rate, false);
    CHECK(*premaster.integratedLufs == Approx(*report.premaster.integratedLufs).margin(0.05));

    const auto json = nlohmann::json::parse(readBytes(dir / "out" / "render-report.json"));
    CHECK(json["mastered"] == true);
    REQUIRE(json["targets"].size() == 2);
    for (const auto& t : json["targets"]) {
        CHECK(t["measured"]["integratedLufs"].is_number());
        CHECK(t["measured"]["truePeakDbtp"].is_number());
        CHECK(t["measured"]["lraLu"].is_number());
        CHECK(t["gainAppliedDb"].is_number());
        CHECK(t["limiterReductionDb"]["max"].is_number());
        CHECK(t["limiterReductionDb"]["mean"].is_number());
        CHECK(t["abLevelMatchDb"].is_number());
    }
    CHECK(json["premaster"]["integratedLufs"].is_number());
    REQUIRE(json["stems"].size() == 3);
    CHECK(json["stems"][0]["integratedLufs"].is_number());
    // Per-stem loudness comes from the render's own streaming meter: libebur128 on the stem files agrees.
    for (size_t i = 0; i < report.stemPaths.size(); ++i) {
        const auto reference = mastering::Ebur128Meter::measure(readAudioFile(report.stemPaths[i]), rate, false).integratedLufs;
        REQUIRE(reference.has_value());
        CHECK(report.tracks[i].integratedLufs.value_or(-999) == Approx(*reference).margin(0.01));
    }
    CHECK(json["stemsResidual"].is_number());
    CHECK(json["warnings"].empty());
}

TEST_CASE("mastered renders are byte-identical, report included", "[mastering]")
{
    TempFolder dir;
    const auto a = demoSong(dir);
    OutputSettings first, second;
    first.mixPath = dir / "one" / "mix.wav";
    second.mixPath = dir / "two" / "mix.wav";
    for (auto* o : { &first, &second }) {
        o->bitDepth = 16; // dither included: it is seeded
        fs::create_directories(o->mixPath.parent_path());
    }
    REQUIRE(renderSong(a, first).ok);
    REQUIRE(renderSong(a, second).ok);
    CHECK(readBytes(first.mixPath) == readBytes(second.mixPath));
    auto reportOne = readBytes(dir / "one" / "render-report.json"), reportTwo = readBytes(dir / "two" / "render-report.json");
    CHECK(reportOne.size() > 100);
    // The reports differ only in the folder names they contain.
    CHECK(std::regex_replace(reportOne, std::regex("/one/"), "/x/") == std::regex_replace(reportTwo, std::regex("/two/"), "/x/"));
}

TEST_CASE("finished stems mix and master to -14 and -23, ffmpeg's ebur128 agrees", "[mastering][cli]")
{
    TempFolder dir;
    const auto song = demoSong(dir);
    OutputSettings plain;
    plain.mixPath = dir / "plain" / "mix.wav";
    plain.stemsFolder = dir / "plain" / "stems";
    plain.mastering.enabled = false;
    fs::create_directories(plain.mixPath.parent_path());
    const auto rendered = renderSong(song, plain);
    REQUIRE(rendered.ok);
    CHECK_FALSE(nlohmann::json::parse(readBytes(dir / "plain" / "render-report.json"))["mastered"].get<bool>());

    std::string command = loopmindBinary + " mix";
    for (const auto& s : rendered.stemPaths)
        command.append(" ").append(quoted(s)); // appended, not " " + x: GCC 12 warns falsely (-Wrestrict)
    command += " --deliver streaming,broadcast --out ";
    command += quoted(dir / "master" / "master.wav");
    auto r = runCommand(command);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("streaming: ") != std::string::npos);
    CHECK(r.out.find("render-report.json") != std::string::npos);
    if (runCommand("ffmpeg -version").exitCode != 0)
        FAIL("ffmpeg is not installed: ./setup.sh installs it");
    for (const auto& [name, target] : std::vector<std::pair<std::string, double>> { { "streaming", -14.0 }, { "broadcast", -23.0 } }) {
        const auto file = dir / "master" / ("master." + name + ".wav");
        const auto ours = mastering::Ebur128Meter::measure(readAudioFile(file), rate, true);
        const auto reference = ffmpegMeasure(file);
        REQUIRE(reference.ok);
        WARN(name << ": libebur128 " << *ours.integratedLufs << " LUFS " << *ours.truePeakDb << " dBTP; ffmpeg " << reference.integrated
                  << " LUFS " << reference.truePeak << " dBTP");
        CHECK(std::abs(*ours.integratedLufs - target) <= 0.5);
        CHECK(std::abs(reference.integrated - target) <= 0.5);
        CHECK(*ours.truePeakDb <= -1.0);
        CHECK(reference.truePeak <= -1.0);
    }
}

TEST_CASE("the master lines up with the stems: an impulse lands on the same sample", "[mastering]")
{
    TempFolder dir;
    juce::AudioBuffer<float> bed = roleLoop("chords", 0.2f), click(2, bed.getNumSamples());
    click.clear();
    const int at = 70001;
    for (int c = 0; c < 2; ++c)
        click.setSample(c, at, 0.9f);
    writeAudioFile(dir / "bed.wav", bed, rate, 32);
    writeAudioFile(dir / "click.wav", click, rate, 32);
    OutputSettings o;
    o.mixPath = dir / "out" / "mix.wav";
    o.stemsFolder = dir / "out" / "stems";
    o.bitDepth = 32;
    auto prepared = prepareStemMixJob({ dir / "bed.wav", dir / "click.wav" }, std::nullopt, o);
    JobControl control;
    auto report = AIAsyncRenderer::render(prepared.job, control);
    REQUIRE(report.ok);
    auto argmax = [](const juce::AudioBuffer<float>& b) {
        int best = 0;
        for (int i = 0; i < b.getNumSamples(); ++i)
            if (std::abs(b.getSample(0, i)) > std::abs(b.getSample(0, best)))
                best = i;
        return best;
    };
    auto mix = readAudioFile(report.mixPath);
    auto stem = readAudioFile(report.stemPaths[1]);
    REQUIRE(mix.getNumSamples() == stem.getNumSamples());
    CHECK(argmax(stem) == at);
    CHECK(argmax(mix) == at);
    CHECK(report.chain.latencySamples > 0); // the limiter looks ahead, and that is compensated
}
