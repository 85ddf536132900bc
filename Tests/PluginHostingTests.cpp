// Hosted plug-ins in insert slots: parameters and state, mono plug-ins as dual mono, real LV2 effects (x42, zam,
// installed by setup.sh) rendered identically run to run and after a save and reload, a plug-in that is not installed
// reported while the song renders, and nothing of ours allocating or locking around a plug-in on the audio thread.
#include "Arrangement/MixerJson.h"
#include "Core/RealtimeThread.h"
#include "Plugins/PluginHost.h"
#include "Plugins/PluginSlot.h"
#include "Support/EngineFixtures.h"
#include "Support/OfflineRender.h"
#include "Support/RealtimeChecks.h"
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

namespace {
constexpr double rate = 48000;
constexpr int block = 256;

EffectSlot pluginSlot(const std::string& uri, const std::string& name, std::map<std::string, double> parameters = {})
{
    EffectSlot slot;
    slot.type = EffectSlot::pluginType;
    slot.parameters = std::move(parameters);
    PluginReference p;
    p.format = "LV2";
    p.identifier = uri;
    p.name = name;
    slot.plugin = p;
    return slot;
}

/** The test plug-ins (Tests/Lv2TestPlugins) are found through the extra plug-in folders. */
void addTestPlugins()
{
    static const bool added = [] {
        plugins::addPluginFolder(LOOPMIND_TEST_LV2_DIR);
        return true;
    }();
    (void)added;
}

std::unique_ptr<plugins::HostedPluginProcessor> make(const EffectSlot& slot)
{
    std::vector<std::string> problems;
    auto made = plugins::makePluginProcessor(slot, rate, block, problems);
    INFO((made ? std::string() : made.error()));
    REQUIRE(made);
    CHECK(problems.empty());
    made.value()->prepareToPlay(rate, block);
    return std::move(made.value());
}

/** One block of constant left/right values through the processor; the block's last output sample per channel. */
std::pair<float, float> constantThrough(juce::AudioProcessor& p, float left, float right)
{
    juce::AudioBuffer<float> buffer(2, block);
    juce::MidiBuffer midi;
    juce::FloatVectorOperations::fill(buffer.getWritePointer(0), left, block);
    juce::FloatVectorOperations::fill(buffer.getWritePointer(1), right, block);
    p.processBlock(buffer, midi);
    return { buffer.getSample(0, block - 1), buffer.getSample(1, block - 1) };
}

std::vector<PlaybackTrack> tracksWithPlugins()
{
    auto tracks = makeEngineTracks(2, rate, 0.5, 2.0);
    tracks[0].strip.inserts = { pluginSlot("http://gareus.org/oss/lv2/fil4#stereo", "x42-eq", { { "sym:gain1", 0.9 }, { "sym:freq1", 0.3 } }),
                                pluginSlot("http://gareus.org/oss/lv2/darc#stereo", "x42-comp", { { "sym:threshold", 0.1 }, { "sym:Ratio", 0.8 } }) };
    tracks[1].strip.inserts = { pluginSlot("urn:zamaudio:ZamComp", "ZamComp", { { "sym:thr", 0.5 }, { "sym:rat", 0.6 } }) };
    return tracks;
}

MixerLayout layoutWithReverb()
{
    MixerLayout layout;
    // ZamVerb, not Dragonfly: Dragonfly's reverbs modulate their delay lines from an unseeded random source, so no two
    // renders through them are the same (see docs/PLUGINS.md).
    layout.mixer.master.inserts = { pluginSlot("urn:zamaudio:ZamVerb", "ZamVerb") };
    return layout;
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string s;
    for (const auto& l : lines)
        s += l + "\n";
    return s;
}
} // namespace

TEST_CASE("a hosted LV2 plug-in plays with the slot's parameters, and its saved state brings them back", "[plugins]")
{
    addTestPlugins();
    // gain_db spans -24..+24 dB: 0.625 is +6 dB.
    auto gain = make(pluginSlot("urn:loopmind:test:gain", "LoopMind Test Gain", { { "sym:gain_db", 0.625 } }));
    CHECK_FALSE(gain->dualMono());
    const auto [l, r] = constantThrough(*gain, 0.25f, -0.1f);
    CHECK(l == Approx(0.25 * std::pow(10.0, 6.0 / 20.0)).epsilon(1e-4));
    CHECK(r == Approx(-0.1 * std::pow(10.0, 6.0 / 20.0)).epsilon(1e-4));

    auto saved = pluginSlot("urn:loopmind:test:gain", "LoopMind Test Gain");
    saved.plugin->state = plugins::stateOf(gain->instance());
    CHECK_FALSE(saved.plugin->state.empty());
    auto restored = make(saved);
    CHECK(constantThrough(*restored, 0.25f, -0.1f) == std::make_pair(l, r));

    std::vector<std::string> problems;
    CHECK(plugins::makePluginProcessor(pluginSlot("urn:loopmind:test:gain", "LoopMind Test Gain", { { "sym:nope", 0.5 } }), rate, block,
                                       problems));
    CHECK(joined(problems).find("has no parameter 'sym:nope'") != std::string::npos);
}

TEST_CASE("a plug-in with one output runs as dual mono: each side on its own instance", "[plugins]")
{
    auto comp = make(pluginSlot("urn:zamaudio:ZamComp", "ZamComp", { { "sym:thr", 0.3 }, { "sym:rat", 0.8 } }));
    CHECK(comp->dualMono());
    std::pair<float, float> out;
    for (int b = 0; b < 40; ++b) // let the detectors settle
        out = constantThrough(*comp, 0.5f, 0.05f);
    CHECK(out.first != 0.0f);
    CHECK(out.second != 0.0f);
    CHECK(out.first / 0.5f < out.second / 0.05f); // the loud side is compressed harder: the sides are not summed
}

TEST_CASE("a plug-in that is not installed is reported by name, its slot left out, and the song still renders", "[plugins][render]")
{
    TempFolder dir;
    auto tracks = makeEngineTracks(2, rate, 0.5, 1.0);
    tracks[0].strip.inserts = { pluginSlot("urn:loopmind:test:not-installed", "Ghost EQ") };
    const auto r = renderOffline(dir, tracks, {}, 1.0);
    INFO(joined(r.report.warnings));
    REQUIRE(r.report.warnings.size() == 1);
    CHECK(r.report.warnings[0].find("plug-in 'Ghost EQ' (LV2) is not installed; the slot is bypassed") != std::string::npos);
    CHECK(rms(r.mix) > 0.01f);
}

TEST_CASE("real LV2 EQ, compressors and reverb render the same samples every time, serial or parallel, and after a save and reload",
          "[plugins][render]")
{
    TempFolder dir;
    const auto tracks = tracksWithPlugins();
    const auto layout = layoutWithReverb();
    const auto first = renderOffline(dir, tracks, layout, 2.0, 0, "first");
    INFO(joined(first.report.warnings));
    CHECK(first.report.warnings.empty());
    const auto again = renderOffline(dir, tracks, layout, 2.0, 1, "again");
    CHECK(sameSamples(first.mix, again.mix));

    auto dryTracks = tracks;
    for (auto& t : dryTracks)
        t.strip.inserts.clear();
    const auto dry = renderOffline(dir, dryTracks, {}, 2.0, 0, "dry");
    CHECK(largestDifference(first.mix, dry.mix) > 0.01f);

    // Through arrangement.json's mixer section: identity, parameters and each instance's state, then the same samples.
    Arrangement song;
    for (const auto& t : tracks)
        song.tracks.push_back({ t.name, t.role, {}, 120, 4, {}, 0, {}, {}, t.strip });
    song.mixer = layout.mixer;
    for (auto& t : song.tracks) // the state a live instance would hold, as the app saves it
        for (auto& slot : t.strip.inserts) {
            auto processor = make(slot);
            slot.plugin->state = plugins::stateOf(processor->instance());
            CHECK_FALSE(slot.plugin->state.empty());
        }
    const auto json = nlohmann::json::parse(mixerToJson(song).dump());
    Arrangement reloaded;
    for (const auto& t : song.tracks)
        reloaded.tracks.push_back({ t.name, t.role, {}, 120, 4, {}, 0, {}, {}, {} });
    readMixer(JsonFields(json, "mixer"), reloaded);
    auto reloadedTracks = tracks;
    for (size_t i = 0; i < tracks.size(); ++i) {
        const auto& before = song.tracks[i].strip.inserts;
        const auto& after = reloaded.tracks[i].strip.inserts;
        REQUIRE(after.size() == before.size());
        for (size_t k = 0; k < before.size(); ++k) {
            CHECK(after[k].plugin->identifier == before[k].plugin->identifier);
            CHECK(after[k].plugin->state == before[k].plugin->state);
            CHECK(after[k].parameters == before[k].parameters);
        }
        reloadedTracks[i].strip.inserts = after; // (a track's pan lives in tracks[], outside the mixer section)
    }
    MixerLayout reloadedLayout;
    reloadedLayout.mixer = reloaded.mixer;
    const auto afterReload = renderOffline(dir, reloadedTracks, reloadedLayout, 2.0, 0, "reloaded");
    CHECK(sameSamples(first.mix, afterReload.mix));
}

TEST_CASE("nothing of ours allocates or locks around a hosted plug-in on the audio thread", "[plugins][realtime]")
{
    if (!realtimeChecksAvailable())
        return;
    addTestPlugins();
    auto gain = make(pluginSlot("urn:loopmind:test:gain", "LoopMind Test Gain", { { "sym:gain_db", 0.6 } }));
    auto mono = make(pluginSlot("http://gareus.org/oss/lv2/nodelay", "No Delay Line")); // dual mono
    juce::AudioBuffer<float> buffer(2, block);
    juce::MidiBuffer midi;
    resetRealtimeViolations();
    {
        RealtimeScope realtime;
        for (int b = 0; b < 32; ++b) {
            buffer.clear();
            gain->processBlock(buffer, midi);
            mono->processBlock(buffer, midi);
        }
    }
    const auto v = realtimeViolations();
    CHECK(v.allocations == 0);
    CHECK(v.locks == 0);
}

TEST_CASE("a plug-in's reported latency is compensated: its track lines up with the dry one to the sample", "[plugins][render]")
{
    // x42's No Delay Line delays by its parameter and reports that as its latency (192 samples at 0.001).
    auto delay = make(pluginSlot("http://gareus.org/oss/lv2/nodelay", "No Delay Line", { { "sym:delay", 0.001 } }));
    REQUIRE(delay->getLatencySamples() == 192);

    TempFolder dir;
    const int length = int(rate);
    auto click = std::make_shared<juce::AudioBuffer<float>>(2, length);
    click->clear();
    for (int c = 0; c < 2; ++c)
        click->setSample(c, 10000, 0.5f);
    std::vector<PlaybackTrack> tracks(2);
    tracks[0] = { "delayed", "drums", click, { { 0, length } }, 0.0, {} };
    tracks[1] = { "dry", "drums", click, { { 0, length } }, 0.0, {} };
    tracks[0].strip.inserts = { pluginSlot("http://gareus.org/oss/lv2/nodelay", "No Delay Line", { { "sym:delay", 0.001 } }) };
    const auto r = renderOffline(dir, tracks, {}, 1.0);
    INFO(joined(r.report.warnings));
    REQUIRE(r.stems.size() == 2);
    for (const auto& stem : r.stems) { // each stem's click where the song has it, at full height
        CHECK(stem.getSample(0, 10000) == Approx(0.5f));
        CHECK(stem.getMagnitude(0, 0, 10000) == 0.0f);
    }
    CHECK(r.mix.getSample(0, 10000) == Approx(1.0f)); // both clicks on the same sample
}

TEST_CASE("a VST3 plug-in (zam-plugins' VST3 builds) plays in an insert, renders the same twice and with its saved state",
          "[plugins][render]")
{
    auto vst3 = [](const char* file, const char* name, int uid) {
        EffectSlot slot;
        slot.type = EffectSlot::pluginType;
        slot.plugin = PluginReference { "VST3", std::string("/usr/lib/vst3/") + file, name, "Damien Zammit", "", uid, "" };
        return slot;
    };
    auto tracks = makeEngineTracks(2, rate, 0.5, 1.0);
    tracks[0].strip.inserts = { vst3("ZamCompX2.vst3", "ZamCompX2", 249995461) };
    tracks[1].strip.inserts = { vst3("ZamEQ2.vst3", "ZamEQ2", 252042949) }; // one output: dual mono
    auto processor = make(tracks[0].strip.inserts[0]);
    CHECK(processor->instance().getParameters().size() > 3);
    CHECK(make(tracks[1].strip.inserts[0])->dualMono());

    TempFolder dir;
    const auto first = renderOffline(dir, tracks, {}, 1.0, 0, "first");
    INFO(joined(first.report.warnings));
    CHECK(first.report.warnings.empty());
    const auto again = renderOffline(dir, tracks, {}, 1.0, 1, "again");
    CHECK(sameSamples(first.mix, again.mix));
    auto withState = tracks;
    withState[0].strip.inserts[0].plugin->state = plugins::stateOf(processor->instance());
    CHECK_FALSE(withState[0].strip.inserts[0].plugin->state.empty());
    const auto restored = renderOffline(dir, withState, {}, 1.0, 0, "restored");
    CHECK(sameSamples(first.mix, restored.mix));
}
