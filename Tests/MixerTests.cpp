// The mixer: channel strips (fader, pan, polarity, pre/post sends), return and group buses, sidechains, solo,
// problems reported instead of failing, and the same samples offline and live, serial and parallel.
#include "Engine/AudioEngine.h"
#include "Engine/ChannelStripProcessor.h"
#include "Render/AIAsyncRenderer.h"
#include "Support/EngineFixtures.h"
#include "Support/OfflineRender.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
constexpr double rate = 48000;

/** Runs a strip on a constant stereo signal for two blocks (the first ramps) and returns the second. */
juce::AudioBuffer<float> runStrip(ChannelStripProcessor& strip, float left, float right)
{
    strip.prepareToPlay(rate, 64);
    juce::AudioBuffer<float> buffer(strip.getTotalNumOutputChannels(), 64);
    juce::MidiBuffer midi;
    for (int pass = 0; pass < 2; ++pass) {
        buffer.clear();
        juce::FloatVectorOperations::fill(buffer.getWritePointer(0), left, 64);
        juce::FloatVectorOperations::fill(buffer.getWritePointer(1), right, 64);
        strip.processBlock(buffer, midi);
    }
    return buffer;
}

EffectSlot effect(const std::string& type, std::map<std::string, double> parameters = {})
{
    EffectSlot slot;
    slot.type = type;
    slot.parameters = std::move(parameters);
    return slot;
}

MixerBus bus(const std::string& name, std::vector<EffectSlot> inserts = {})
{
    MixerBus b;
    b.name = name;
    b.strip.inserts = std::move(inserts);
    return b;
}

/** A short kick every beat at 120 BPM (a sine burst), and a steady bass tone: for sidechain ducking. */
std::vector<PlaybackTrack> kickAndBass(double seconds)
{
    const int length = int(seconds * rate), beat = int(0.5 * rate);
    auto kick = std::make_shared<juce::AudioBuffer<float>>(2, length);
    auto bass = std::make_shared<juce::AudioBuffer<float>>(2, length);
    kick->clear();
    for (int i = 0; i < length; ++i) {
        const int inBeat = i % beat;
        const float k = inBeat < 4000 ? 0.8f * std::exp(-inBeat / 1200.0f) * float(std::sin(2 * M_PI * 55 * inBeat / rate)) : 0.0f;
        const float b = 0.3f * float(std::sin(2 * M_PI * 82.4 * i / rate));
        for (int c = 0; c < 2; ++c) {
            kick->setSample(c, i, k);
            bass->setSample(c, i, b);
        }
    }
    std::vector<PlaybackTrack> tracks(2);
    tracks[0] = { "kick", "drums", kick, { { 0, length } }, 0.0, {} };
    tracks[1] = { "bass", "bass", bass, { { 0, length } }, 0.0, {} };
    return tracks;
}
} // namespace

TEST_CASE("a channel strip's fader, pan, polarity and mute shape its output", "[mixer]")
{
    ChannelStripProcessor strip(0);
    strip.setVolumeDb(-6.0);
    auto out = runStrip(strip, 1.0f, 1.0f);
    CHECK(out.getSample(0, 10) == Approx(0.501187f).epsilon(1e-4));
    strip.setPan(1.0); // balance law: hard right silences the left and leaves the right at the fader's level
    out = runStrip(strip, 1.0f, 1.0f);
    CHECK(out.getSample(0, 10) == 0.0f);
    CHECK(out.getSample(1, 10) == Approx(0.501187f).epsilon(1e-4));
    strip.setPan(0.0);
    strip.setPolarityInverted(true);
    out = runStrip(strip, 0.5f, -0.25f);
    CHECK(out.getSample(0, 10) == Approx(-0.5f * 0.501187f).epsilon(1e-4));
    CHECK(out.getSample(1, 10) == Approx(0.25f * 0.501187f).epsilon(1e-4));
    strip.setMuted(true);
    out = runStrip(strip, 1.0f, 1.0f);
    CHECK(out.getMagnitude(0, 64) == 0.0f);
}

TEST_CASE("a pre-fader send ignores the fader and pan, a post-fader send follows them, mute silences both", "[mixer]")
{
    ChannelStripProcessor strip(2);
    REQUIRE(strip.getTotalNumOutputChannels() == 6);
    strip.setVolumeDb(-120.0); // fader all the way down
    strip.setSend(0, -6.0, true);
    strip.setSend(1, -6.0, false);
    auto out = runStrip(strip, 1.0f, 1.0f);
    CHECK(out.getMagnitude(0, 0, 64) < 1e-5f);
    CHECK(out.getSample(ChannelStripProcessor::sendChannel(0), 10) == Approx(0.501187f).epsilon(1e-4));
    CHECK(out.getSample(ChannelStripProcessor::sendChannel(1), 10) < 1e-5f);
    strip.setVolumeDb(0.0);
    strip.setPan(-1.0);
    out = runStrip(strip, 1.0f, 1.0f);
    CHECK(out.getSample(ChannelStripProcessor::sendChannel(1), 10) == Approx(0.501187f).epsilon(1e-4));
    CHECK(out.getSample(ChannelStripProcessor::sendChannel(1) + 1, 10) == 0.0f); // post-pan: the right is gone
    CHECK(out.getSample(ChannelStripProcessor::sendChannel(0) + 1, 10) == Approx(0.501187f).epsilon(1e-4));
    strip.setMuted(true);
    out = runStrip(strip, 1.0f, 1.0f);
    for (int c = 0; c < 6; ++c)
        CHECK(out.getMagnitude(c, 0, 64) == 0.0f);
}

TEST_CASE("sends feed a return bus whose stem, with the tracks' stems, adds up to the mix", "[mixer][render]")
{
    TempFolder dir;
    auto tracks = makeEngineTracks(3, rate, 0.9, 3.0);
    MixerLayout layout;
    layout.bpm = 120;
    layout.mixer.returns = { bus("reverb", { effect("reverb", { { "mix", 100 } }) }), bus("delay", { effect("delay", { { "mix", 100 } }) }) };
    tracks[0].strip.sends = { { 0, -6.0, false }, { 1, -10.0, true } };
    tracks[2].strip.sends = { { 0, -3.0, false } };
    const auto r = renderOffline(dir, tracks, layout, 3.0);
    REQUIRE(r.stems.size() == 5); // three tracks, two returns
    CHECK(r.report.tracks[3].name == "reverb return");
    CHECK(rms(r.stems[3]) > 0.005f);
    CHECK(rms(r.stems[4]) > 0.005f);
    juce::AudioBuffer<float> sum(2, r.mix.getNumSamples());
    sum.clear();
    for (const auto& s : r.stems)
        for (int c = 0; c < 2; ++c)
            sum.addFrom(c, 0, s, c, 0, s.getNumSamples());
    CHECK(largestDifference(sum, r.mix) < 1e-5f);
    REQUIRE(r.report.stemsResidual);
    CHECK(*r.report.stemsResidual < 1e-5);
    CHECK(r.report.warnings.empty());

    // Without the sends the returns are silent and the mix is the dry tracks'.
    auto dry = tracks;
    for (auto& t : dry)
        t.strip.sends.clear();
    const auto d = renderOffline(dir, dry, layout, 3.0, 0, "dry");
    CHECK(rms(d.stems[3]) == 0.0f);
    CHECK(largestDifference(d.mix, r.mix) > 0.01f);
}

TEST_CASE("tracks routed to a group play through its strip, and the group's stem replaces theirs", "[mixer][render]")
{
    TempFolder dir;
    auto tracks = makeEngineTracks(3, rate, 0.8, 2.0);
    const auto plain = renderOffline(dir, tracks, {}, 2.0, 0, "plain");
    MixerLayout layout;
    layout.mixer.groups = { bus("drum bus") };
    layout.mixer.groups[0].strip.volumeDb = -6.0;
    tracks[0].strip.output = "drum bus";
    tracks[1].strip.output = "drum bus";
    const auto grouped = renderOffline(dir, tracks, layout, 2.0, 0, "grouped");
    REQUIRE(grouped.stems.size() == 2); // track 3 and the group
    CHECK(grouped.report.tracks[1].name == "drum bus");
    // The group's stem is its members at -6 dB.
    juce::AudioBuffer<float> members(2, plain.mix.getNumSamples());
    members.clear();
    for (int t = 0; t < 2; ++t)
        for (int c = 0; c < 2; ++c)
            members.addFrom(c, 0, plain.stems[size_t(t)], c, 0, members.getNumSamples(), 0.501187f);
    CHECK(largestDifference(grouped.stems[1], members) < 1e-4f);
    CHECK(largestDifference(grouped.stems[0], plain.stems[2]) == 0.0f);
    CHECK(*grouped.report.stemsResidual < 1e-5);
}

TEST_CASE("a compressor keyed from the kick ducks the bass on every beat", "[mixer][render]")
{
    TempFolder dir;
    auto tracks = kickAndBass(4.0);
    auto ducked = tracks;
    ducked[1].strip.inserts = { effect("compressor", { { "threshold", -30 }, { "ratio", 10 }, { "attack", 1 }, { "release", 80 } }) };
    ducked[1].strip.inserts[0].sidechainTrack = "kick";
    const auto plain = renderOffline(dir, tracks, {}, 4.0, 0, "plain");
    const auto keyed = renderOffline(dir, ducked, {}, 4.0, 0, "keyed");
    CHECK(keyed.report.warnings.empty());
    const int beat = int(0.5 * rate);
    // On the kick the bass drops by more than 6 dB; between kicks it comes back to within 2 dB.
    for (int b = 2; b < 7; ++b) {
        const int onKick = b * beat + 400, between = b * beat + int(0.4 * rate);
        CHECK(rms(keyed.stems[1], onKick, 1000) < 0.5f * rms(plain.stems[1], onKick, 1000));
        CHECK(rms(keyed.stems[1], between, 1000) > 0.79f * rms(plain.stems[1], between, 1000));
    }
    // The kick itself is untouched.
    CHECK(largestDifference(keyed.stems[0], plain.stems[0]) == 0.0f);
}

TEST_CASE("mixer settings that cannot be honoured are reported by name while the rest renders", "[mixer][render]")
{
    TempFolder dir;
    auto tracks = makeEngineTracks(2, rate, 0.5, 1.0);
    tracks[0].strip.inserts = { effect("no-such-fx"), effect("eq", { { "no_such_parameter", 1 } }) };
    tracks[1].strip.output = "missing group";
    tracks[1].strip.inserts = { effect("compressor") };
    tracks[1].strip.inserts[0].sidechainTrack = "nobody";
    const auto r = renderOffline(dir, tracks, {}, 1.0);
    const auto all = [&] {
        std::string s;
        for (const auto& w : r.report.warnings)
            s += w + "\n";
        return s;
    }();
    INFO(all);
    CHECK(r.report.warnings.size() == 4);
    CHECK(all.find("track 'track 1': insert 1: no effect called 'no-such-fx'") != std::string::npos);
    CHECK(all.find("no parameter 'no_such_parameter'") != std::string::npos);
    CHECK(all.find("no group called 'missing group'") != std::string::npos);
    CHECK(all.find("sidechain from 'nobody': no such track") != std::string::npos);
    CHECK(rms(r.mix) > 0.01f);
}

TEST_CASE("a full mixer renders the same samples serial and parallel, and live as offline", "[mixer][engine]")
{
    TempFolder dir;
    constexpr double seconds = 3.0;
    auto tracks = makeEngineTracks(6, rate, 0.7, seconds);
    MixerLayout layout;
    layout.bpm = 97;
    layout.mixer.returns = { bus("reverb", { effect("reverb", { { "mix", 100 } }) }), bus("delay", { effect("delay", { { "mix", 100 } }) }) };
    layout.mixer.groups = { bus("group", { effect("compressor"), effect("saturation") }) };
    layout.mixer.master.inserts = { effect("eq", { { "hp_on", 1 }, { "hp_freq", 40 } }), effect("utility", { { "width", 80 } }) };
    const char* types[] = { "eq", "compressor", "filter", "saturation", "utility", "delay" };
    for (size_t t = 0; t < tracks.size(); ++t) {
        tracks[t].strip.inserts = { effect(types[t]), effect(types[(t + 1) % 6]) };
        tracks[t].strip.sends = { { int(t % 2), -9.0, t % 3 == 0 } };
        tracks[t].strip.output = t < 3 ? "group" : "";
        tracks[t].strip.invertPolarity = t == 4;
    }
    tracks[5].strip.inserts[0] = effect("compressor");
    tracks[5].strip.inserts[0].sidechainTrack = "track 1";

    const auto serial = renderOffline(dir, tracks, layout, seconds, 0, "serial");
    const auto parallel = renderOffline(dir, tracks, layout, seconds, 2, "parallel");
    CHECK(serial.report.warnings.empty());
    CHECK(readBytes(serial.report.mixPath) == readBytes(parallel.report.mixPath));
    CHECK(rms(serial.mix) > 0.01f);

    // The live engine at the renderer's block size plays the very same samples.
    constexpr int block = 1024;
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load(tracks, std::int64_t(seconds * rate), rate, layout).ok());
    CHECK(engine.mixerProblems().empty());
    engine.play();
    juce::AudioBuffer<float> live(2, serial.mix.getNumSamples());
    live.clear();
    for (int start = 0; start + block <= live.getNumSamples(); start += block) {
        float* channels[2] = { live.getWritePointer(0, start), live.getWritePointer(1, start) };
        engine.processBlock(channels, 2, block);
    }
    const int compared = live.getNumSamples() / block * block;
    juce::AudioBuffer<float> offlineHead(2, compared), liveHead(2, compared);
    for (int c = 0; c < 2; ++c) {
        offlineHead.copyFrom(c, 0, serial.mix, c, 0, compared);
        liveHead.copyFrom(c, 0, live, c, 0, compared);
    }
    CHECK(sameSamples(offlineHead, liveHead));
    engine.releaseRetiredSessions();
}

TEST_CASE("solo keeps the soloed track and its return, live strip changes ramp without rebuilding", "[mixer][engine]")
{
    constexpr int block = 256;
    auto tracks = makeEngineTracks(3, rate, 1.0, 10.0);
    MixerLayout layout;
    layout.mixer.returns = { bus("reverb", { effect("reverb", { { "mix", 100 } }) }) };
    tracks[1].strip.sends = { { 0, -6.0, false } };
    AudioEngine engine(1);
    engine.prepare(rate, block);
    REQUIRE(engine.load(tracks, std::int64_t(10.0 * rate), rate, layout).ok());
    engine.play();
    auto play = [&](int blocks) {
        juce::AudioBuffer<float> out(2, blocks * block);
        for (int b = 0; b < blocks; ++b) {
            float* channels[2] = { out.getWritePointer(0, b * block), out.getWritePointer(1, b * block) };
            engine.processBlock(channels, 2, block);
        }
        return out;
    };
    engine.setTrackSolo(1, true);
    play(4);
    for (int t = 0; t < 3; ++t)
        engine.takeTrackPeak(t);
    play(40);
    CHECK(engine.takeTrackPeak(0) == 0.0f);
    CHECK(engine.takeTrackPeak(1) > 0.0f);
    CHECK(engine.takeTrackPeak(2) == 0.0f);
    // The return is metered too (the mixer view shows it); the master and buses that do not exist read 0.
    CHECK(engine.takeBusPeak({ StripRef::Kind::returnBus, 0 }) > 0.0f);
    CHECK(engine.takeBusPeak({ StripRef::Kind::returnBus, 0 }) == 0.0f); // taken: nothing new since
    CHECK(engine.takeBusPeak({ StripRef::Kind::returnBus, 1 }) == 0.0f);
    CHECK(engine.takeBusPeak({ StripRef::Kind::group, 0 }) == 0.0f);
    CHECK(engine.takeBusPeak({ StripRef::Kind::master, 0 }) == 0.0f);

    // Muting the soloed track leaves only its reverb tail, which dies away: the return was not muted by the solo.
    auto strip = *engine.strip({ StripRef::Kind::track, 1 });
    strip.volumeDb = -120.0;
    REQUIRE(engine.setStrip({ StripRef::Kind::track, 1 }, strip).ok());
    const auto tail = play(8);
    CHECK(tail.getMagnitude(0, 4 * block, 4 * block) > 1e-4f);
    CHECK(engine.strip({ StripRef::Kind::track, 1 })->volumeDb == -120.0);
    CHECK(engine.strip({ StripRef::Kind::track, 7 }) == nullptr);
    engine.releaseRetiredSessions();
}
