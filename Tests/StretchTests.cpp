// Tempo-following: a loop at another tempo is stretched at prepare time onto the project grid, its beats
// land on project beats, its seam does not click, renders stay byte-identical, and the arranger keeps loops
// within a clean stretch range while leaving out the rest with the reason.
#include "Arrangement/AIArrangementEngine.h"
#include "Library/LoopStretch.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <cmath>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
constexpr double rate = 44100;

/** Short 1.5 kHz clicks on every beat over a quiet sustained 220 Hz pad: onsets to time, a tone to click on. */
juce::AudioBuffer<float> clicksOverPad(double bpm, int beats, double clickOffsetBeats = 0)
{
    const double beat = 60.0 / bpm;
    const int n = int(std::lround(beats * beat * rate));
    juce::AudioBuffer<float> b(2, n);
    for (int i = 0; i < n; ++i) {
        const double t = i / rate, since = std::fmod(t + (1.0 - clickOffsetBeats) * beat, beat);
        // The pad holds a whole number of cycles over the loop, so the original itself is seamless.
        const double padHz = std::round(220.0 * n / rate) * rate / n;
        const double v = 0.1 * std::sin(2 * M_PI * padHz * t) + 0.7 * std::sin(2 * M_PI * 1500.0 * since) * std::exp(-since / 0.004);
        b.setSample(0, i, float(v));
        b.setSample(1, i, float(v * 0.9));
    }
    return b;
}

/** Where the click nearest `expected` starts: the first sample above a third of the window's peak. */
double onsetNear(const juce::AudioBuffer<float>& audio, double expected, double window = 0.03)
{
    const int from = std::max(0, int((expected - window) * rate)), to = std::min(audio.getNumSamples(), int((expected + window) * rate));
    const float* x = audio.getReadPointer(0);
    float peak = 0;
    for (int i = from; i < to; ++i) peak = std::max(peak, std::abs(x[i]));
    for (int i = from; i < to; ++i)
        if (std::abs(x[i]) > peak / 3) return i / rate;
    return -1;
}

float largestStep(const juce::AudioBuffer<float>& a, int from, int to)
{
    float m = 0;
    for (int c = 0; c < a.getNumChannels(); ++c)
        for (int i = std::max(1, from); i < to; ++i)
            m = std::max(m, std::abs(a.getSample(c, i) - a.getSample(c, i - 1)));
    return m;
}

LoopInfo loopInfo(const std::string& name, double bpm, int beats, const std::string& role = "chords")
{
    LoopInfo l;
    l.path = "/loops/" + name;
    l.ok = true;
    l.bpm = bpm;
    l.durationSeconds = beats * 60.0 / bpm;
    l.role = role;
    l.key = "none";
    return l;
}
} // namespace

TEST_CASE("a stretched loop has exactly the target length and its beats on the new grid", "[stretch]")
{
    const auto loop = clicksOverPad(100, 8); // 2 bars at 100 BPM: 4.8 s
    const int target = int(std::lround(8 * 60.0 / 120.0 * rate)); // 2 bars at 120 BPM: 4.0 s
    auto stretched = stretchLoop(loop, rate, target);
    REQUIRE(stretched.ok());
    CHECK(stretched->getNumSamples() == target);
    CHECK(stretched->getNumChannels() == 2);
    CHECK(loopStretchEngineVersion() == 3);

    const double bias = onsetNear(loop, 60.0 / 100.0) - 60.0 / 100.0; // the detector's own offset on the original
    double worst = 0;
    for (int b = 1; b < 8; ++b) {
        const double at = onsetNear(stretched.value(), b * 0.5);
        worst = std::max(worst, std::abs(at - b * 0.5 - bias));
    }
    WARN("worst beat onset error after 100 -> 120 BPM stretch: " << worst * 1000 << " ms");
    CHECK(worst < 0.005);
}

TEST_CASE("a stretched loop's seam is no bigger a step than any inside it", "[stretch]")
{
    for (double from : { 100.0, 118.0, 140.0 }) {
        const auto loop = clicksOverPad(from, 8, 0.5); // off-beat clicks: the seam falls on the pad alone
        const int target = int(std::lround(8 * 60.0 / 124.0 * rate));
        auto s = stretchLoop(loop, rate, target);
        REQUIRE(s.ok());
        const auto& y = s.value();
        // Between the last click and the wrap (the pad only), the largest step inside the loop, against the wrap's.
        const int quiet = int(0.3 * 60.0 / 124.0 * rate);
        const float inside = largestStep(y, target - quiet, target);
        float seam = 0;
        for (int c = 0; c < 2; ++c)
            seam = std::max(seam, std::abs(y.getSample(c, 0) - y.getSample(c, target - 1)));
        const float click = largestStep(y, 0, target);
        INFO(from << " BPM: seam step " << seam << ", pad steps up to " << inside << ", click steps up to " << click);
        CHECK(seam <= 1.5f * inside);
    }
}

TEST_CASE("a 100 BPM loop renders on a 120 BPM grid, byte-identically every time", "[stretch][render]")
{
    TempFolder dir;
    writeAudioFile(dir / "slow.wav", clicksOverPad(100, 8), rate, 24);
    Arrangement a;
    a.bpm = 120;
    a.sampleRate = rate;
    a.sections = { { "main", 0, 4, 1.0 } };
    a.tracks.push_back({ "chords", "chords", dir / "slow.wav", 100, 8, "none", 0.0, { { 0, 4 } } });
    // The stem is the track as placed (no mastering): that is where the timing is measured.
    auto render = [&](const std::string& name) {
        OutputSettings o;
        o.mixPath = dir / (name + ".wav");
        o.stemsFolder = dir / (name + "-stems");
        o.bitDepth = 32;
        auto prepared = prepareArrangementJob(a, o);
        REQUIRE(prepared.problems.empty());
        REQUIRE(prepared.job.tracks.size() == 1);
        CHECK(prepared.job.tracks[0].audio->getNumSamples() == int(std::lround(8 * 0.5 * rate))); // 2 bars of project time
        JobControl control;
        const auto report = AIAsyncRenderer::render(prepared.job, control);
        REQUIRE(report.ok);
        REQUIRE(report.stemPaths.size() == 1);
        return readBytes(o.mixPath) + readBytes(report.stemPaths[0]);
    };
    const auto first = render("a");
    const auto stem = readAudioFile(dir / "a-stems" / fs::directory_iterator(dir / "a-stems")->path().filename());
    REQUIRE(stem.getNumSamples() == int(a.lengthInSamples()));
    const auto original = clicksOverPad(100, 8);
    const double bias = onsetNear(original, 0.6) - 0.6;
    double worst = 0;
    for (int b = 1; b < 16; ++b) // every project beat of 4 bars, across the loop's repeat at bar 2
        worst = std::max(worst, std::abs(onsetNear(stem, b * 0.5) - b * 0.5 - bias));
    WARN("worst rendered onset error: " << worst * 1000 << " ms");
    CHECK(worst < 0.005);
    CHECK(render("b") == first);
}

TEST_CASE("the arranger keeps loops within a clean stretch of the project tempo and leaves out the rest", "[stretch][arrangement]")
{
    const std::vector<LoopInfo> loops { loopInfo("kick.wav", 124, 8, "drums"), loopInfo("bass.wav", 124, 16, "bass"),
                                        loopInfo("near.wav", 118, 8, "chords"), loopInfo("half.wav", 62, 4, "melody"),
                                        loopInfo("far.wav", 88, 8, "fx") };
    ArrangementRequest request;
    request.bpm = 124;
    const auto a = AIArrangementEngine().arrange(loops, request);
    auto track = [&](const std::string& name) -> const ArrangementTrack* {
        for (const auto& t : a.tracks)
            if (t.loopPath.filename() == name) return &t;
        return nullptr;
    };
    REQUIRE(track("near.wav") != nullptr);
    CHECK(track("near.wav")->loopBpm == 118);
    CHECK(track("near.wav")->loopBeats == 8);
    REQUIRE(track("half.wav") != nullptr); // 62 BPM is half-time: 4 of its beats are 8 project beats
    CHECK(track("half.wav")->loopBeats == 8);
    std::string reason;
    for (const auto& e : a.excluded)
        if (e.path.filename() == "far.wav") reason = e.reason;
    CHECK(reason.find("88 BPM") != std::string::npos);
    CHECK(reason.find("too far") != std::string::npos);
    CHECK(AIArrangementEngine::stretchRatio(loops[3], 124) == Approx(1.0));
    CHECK(AIArrangementEngine::beatsOnProjectGrid(loops[4], 124, 4) == 0);
}

TEST_CASE("a transposed loop keeps its length and moves its pitch by the semitones asked", "[stretch]")
{
    constexpr double rate = 44100;
    const int n = int(2.0 * rate);
    juce::AudioBuffer<float> tone(2, n);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < n; ++i)
            tone.setSample(c, i, 0.5f * float(std::sin(2 * M_PI * 220.0 * i / rate)));
    // Frequency from upward zero crossings in the middle second (away from the seam's fade).
    auto frequency = [&](const juce::AudioBuffer<float>& b) {
        int crossings = 0;
        const int from = b.getNumSamples() / 4, to = from + int(rate);
        for (int i = from + 1; i < to; ++i)
            crossings += b.getSample(0, i - 1) < 0.0f && b.getSample(0, i) >= 0.0f ? 1 : 0;
        return double(crossings);
    };
    auto up = stretchLoop(tone, rate, n, StretchCharacter::tonal, 7);
    REQUIRE(up.ok());
    CHECK(up.value().getNumSamples() == n);
    CHECK(frequency(up.value()) == Approx(220.0 * std::pow(2.0, 7.0 / 12.0)).margin(3.0)); // 329.6 Hz
    auto down = stretchLoop(tone, rate, n / 2, StretchCharacter::tonal, -12);
    REQUIRE(down.ok());
    CHECK(down.value().getNumSamples() == n / 2);
    juce::AudioBuffer<float> twice(2, n); // two passes of the half-length result: one second in the middle
    for (int c = 0; c < 2; ++c) {
        twice.copyFrom(c, 0, down.value(), c, 0, n / 2);
        twice.copyFrom(c, n / 2, down.value(), c, 0, n / 2);
    }
    CHECK(frequency(twice) == Approx(110.0).margin(3.0));
}
