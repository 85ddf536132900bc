// Renders click at no loop seam: a library of loops whose ends do not meet their starts (phase jumps, DC offsets,
// hard-cut tails) at the project tempo and stretched, every style on the demo packs, and the clip player's own
// pass boundaries (grid rounding, cut passes, first entries, last exits).
#include "Arrangement/AIArrangementEngine.h"
#include "Engine/ClipPlayerProcessor.h"
#include "Render/UnmasteredRender.h"
#include "ArrangementTestPack.h"
#include "Support/ClickDetector.h"
#include "Support/SeamSignals.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

using namespace loopmind;
using namespace loopmind::test;

namespace {
constexpr double rate = 44100;
constexpr int twoBars = 176400; // at 120 BPM

/** Four jumpy loops and a clean drum loop, each two bars at 120 BPM, in sections that cut, join and leave them. */
Arrangement jumpyLibrarySong(const TempFolder& dir, double bpm)
{
    writeAudioFile(dir / "pad off its period.wav", makePad(rate, twoBars, 222.1), rate, 24);
    writeAudioFile(dir / "drone on DC.wav", makeDcDrone(rate, twoBars, 55.7, 0.05f), rate, 24);
    writeAudioFile(dir / "hard-cut percussion.wav", makeHardCutPercussion(rate, twoBars, 120), rate, 24);
    writeAudioFile(dir / "stab pad.wav", makePad(rate, twoBars / 2, 329.2, 0.15f), rate, 32);
    writeAudioFile(dir / "drums.wav", makeDrums(rate, twoBars, 120), rate, 24);
    Arrangement a;
    a.bpm = bpm;
    a.sampleRate = rate;
    a.sections = { { "intro", 0, 4, 0.3, -6.0 }, { "main", 4, 5, 1.0, 0.0 }, { "break", 9, 3, 0.4, -4.0 }, { "outro", 12, 4, 0.5, -3.0 } };
    auto track = [&](const char* name, const char* role, int beats, std::vector<ArrangementClip> clips) {
        a.tracks.push_back({ name, role, dir / (std::string(name) + ".wav"), 120.0, beats, std::nullopt, -3.0, std::move(clips) });
    };
    track("pad off its period", "chords", 8, { { 0, 9 }, { 9, 3 }, { 13, 3 } }); // joined clips, a cut pass, a re-entry
    track("drone on DC", "fx", 8, { { 2, 7 }, { 12, 4 } });
    track("hard-cut percussion", "drums", 8, { { 4, 8 } });
    track("stab pad", "chords", 4, { { 1, 14 } });
    track("drums", "drums", 8, { { 0, 16 } });
    return a;
}

std::vector<Click> clicksInRender(const Arrangement& a, const TempFolder& dir)
{
    auto mix = renderUnmastered(a, dir / "scratch.wav");
    REQUIRE(mix.ok());
    // For checking by hand with an independent tool (../shared/tools/check_seams.py): keep every render.
    if (const char* keep = std::getenv("LOOPMIND_KEEP_SEAM_RENDERS")) {
        static int count = 0;
        const auto kept = std::filesystem::path(keep) / (std::to_string(++count) + " " + a.style + " " + std::to_string(int(a.bpm)) + ".wav");
        std::filesystem::copy_file(dir / "scratch.wav", kept, std::filesystem::copy_options::overwrite_existing);
    }
    return findClicks(mix.value(), a.sampleRate, { a.bpm, a.beatsPerBar });
}

juce::AudioBuffer<float> play(ClipPlayerProcessor& player, int samples)
{
    player.prepareToPlay(rate, 512);
    juce::AudioBuffer<float> out(2, samples), block(2, 512);
    juce::MidiBuffer midi;
    for (int at = 0; at < samples; at += 512) {
        const int n = std::min(512, samples - at);
        juce::AudioBuffer<float> view(block.getArrayOfWritePointers(), 2, n);
        player.processBlock(view, midi);
        for (int c = 0; c < 2; ++c)
            out.copyFrom(c, at, view, c, 0, n);
    }
    return out;
}
} // namespace

TEST_CASE("a library of loops with wrap jumps renders without a click, at its tempo and stretched", "[seams]")
{
    TempFolder dir;
    for (double bpm : { 120.0, 100.0, 132.0 }) {
        INFO("project tempo " << bpm);
        const auto clicks = clicksInRender(jumpyLibrarySong(dir, bpm), dir);
        INFO(describeClicks(clicks));
        CHECK(clicks.empty());
    }
}

TEST_CASE("every style on the demo packs renders without a click", "[seams][.]")
{
    struct Case { const char* style; const char* pack; double bpm; };
    // At the pack's own tempo (ratio 1.0) and stretched.
    const Case cases[] = { { "house", "House 124 A minor", 124 },    { "techno", "House 124 A minor", 130 },
                           { "hip-hop", "Boom Bap 92 F major", 92 }, { "trap", "House 124 A minor", 140 },
                           { "pop", "Boom Bap 92 F major", 104 },    { "drum-and-bass", "Boom Bap 92 F major", 174 } };
    TempFolder dir;
    for (const auto& c : cases) {
        INFO(c.style << " on " << c.pack << " at " << c.bpm << " BPM");
        auto style = loadStyle(c.style);
        REQUIRE(style.ok());
        ArrangementRequest request;
        request.seed = 7;
        request.style = style.value();
        request.bpm = c.bpm;
        request.sampleRate = rate;
        const auto a = AIArrangementEngine().arrange(analysedDemoPack(c.pack), request);
        REQUIRE_FALSE(a.tracks.empty());
        const auto clicks = clicksInRender(a, dir);
        INFO(describeClicks(clicks));
        CHECK(clicks.empty());
    }
}

TEST_CASE("the clip player's pass boundaries: rounding, cuts, entries and exits never step", "[seams][engine]")
{
    const int n = 22050; // half a second
    auto loop = std::make_shared<const juce::AudioBuffer<float>>(makePad(rate, n, 220.0)); // 110 periods exactly
    SECTION("passes exactly the loop's length play it bit for bit between the clip's entry and exit fades")
    {
        ClipPlayerProcessor player(loop, { { 0, n, 1.0f }, { n, 2 * n, 1.0f }, { 2 * n, 3 * n, 1.0f } });
        const auto out = play(player, 3 * n);
        const auto expected = tiled(*loop, 3);
        const int entry = int(rate * 0.002), exit = int(rate * 0.005); // the pad starts and ends away from zero
        for (int c = 0; c < 2; ++c) {
            CHECK(std::memcmp(out.getReadPointer(c) + entry, expected.getReadPointer(c) + entry,
                              sizeof(float) * size_t(3 * n - entry - exit))
                  == 0);
            CHECK(std::abs(out.getSample(c, 0)) < 0.01f * std::abs(expected.getSample(c, 0)));
            CHECK(std::abs(out.getSample(c, 3 * n - 1)) < 0.01f * std::abs(expected.getSample(c, 3 * n - 1)));
        }
    }
    SECTION("passes a sample or two off the loop's length (the grid's rounding) do not click")
    {
        ClipPlayerProcessor player(loop, { { 0, n - 1, 1.0f }, { n - 1, 2 * n + 1, 1.0f }, { 2 * n + 1, 3 * n - 1, 1.0f },
                                           { 3 * n - 1, 4 * n, 1.0f } });
        const auto clicks = findClicks(play(player, 4 * n + 2000), rate);
        INFO(describeClicks(clicks));
        CHECK(clicks.empty());
    }
    SECTION("a DC-offset loop entering from and leaving to silence, and a cut pass, fade instead of stepping")
    {
        auto drone = std::make_shared<const juce::AudioBuffer<float>>(makeDcDrone(rate, n, 110.0 * 2, 0.1f));
        ClipPlayerProcessor player(drone, { { 5000, 5000 + n, 1.0f }, { 40000, 40000 + n / 3, 1.0f }, { 70000, 70000 + n, 0.5f } });
        const auto out = play(player, 100000);
        const auto clicks = findClicks(out, rate);
        INFO(describeClicks(clicks));
        CHECK(clicks.empty());
        CHECK(std::abs(out.getSample(0, 5000)) < 0.01f); // entered from zero
        CHECK(std::abs(out.getSample(0, 5000 + n - 1)) < 0.01f); // left to zero
    }
}
