// The plug-in scan runs plug-in code only in its helper process: a plug-in that crashes or hangs there is
// blacklisted with the reason while the scan goes on, the list is cached by file and modification time, and a song
// that names a blacklisted plug-in never loads it into this process. Needs the helper binary (not in sanitizer builds).
#include "Plugins/PluginHost.h"
#include "Plugins/PluginScanner.h"
#include "Plugins/PluginSlot.h"
#include "Support/EngineFixtures.h"
#include "Support/OfflineRender.h"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
plugins::ScanOptions testScan(const fs::path& cacheFile, int& lv2Tried)
{
    plugins::ScanOptions o;
    o.helper = fs::path(LOOPMIND_BIN_DIR) / "loopmind-plugin-scan";
    o.defaultFolders = false;
    o.extraFolders = { LOOPMIND_TEST_LV2_DIR };
    o.idleLimitSeconds = 3;
    o.cacheFile = cacheFile;
    o.progress = [&lv2Tried](const std::string& what) { lv2Tried += what.rfind("LV2:", 0) == 0 ? 1 : 0; };
    return o;
}

const plugins::BlacklistEntry* blacklisted(const plugins::PluginCatalogue& c, const std::string& uri)
{
    for (const auto& b : c.blacklisted)
        if (b.source.identifier == uri)
            return &b;
    return nullptr;
}

/** Sets an environment variable for one scope. */
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name)
    {
        if (const char* old = std::getenv(name))
            old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment()
    {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};
} // namespace

TEST_CASE("the plug-in scan blacklists a plug-in that crashes and one that hangs, finds the rest, and caches the list",
          "[plugins][scan]")
{
    TempFolder dir;
    int tried = 0;
    const auto options = testScan(dir / "plugins.json", tried);
    const auto c = plugins::scanPlugins(options);
    INFO(plugins::toJsonText(c));
    CHECK(c.problems.empty());
    REQUIRE(c.plugins.size() == 1);
    CHECK(c.plugins[0].plugin.name == "LoopMind Test Gain");
    CHECK(c.plugins[0].plugin.vendor == "LoopMind");
    CHECK(c.plugins[0].inputs == 2);
    CHECK(c.plugins[0].outputs == 2);
    const auto* crash = blacklisted(c, "urn:loopmind:test:crash");
    const auto* hang = blacklisted(c, "urn:loopmind:test:hang");
    REQUIRE(crash != nullptr);
    REQUIRE(hang != nullptr);
    CHECK(crash->reason.find("crashed (signal 11") != std::string::npos);
    CHECK(hang->reason.find("did not answer in time") != std::string::npos);
    CHECK(tried == 3);
    CHECK(fs::exists(dir / "plugins.json"));

    tried = 0; // unchanged files: the cached verdicts stand, nothing is tried again
    const auto again = plugins::scanPlugins(options);
    CHECK(tried == 0);
    CHECK(again.plugins.size() == 1);
    CHECK(again.blacklisted.size() == 2);

    // A changed bundle is tried again, and only that one.
    const auto gainBundle = fs::path(LOOPMIND_TEST_LV2_DIR) / "loopmind-test-gain.lv2" / "loopmind-test-gain.ttl";
    fs::last_write_time(gainBundle, fs::file_time_type::clock::now() + std::chrono::seconds(5));
    tried = 0;
    const auto afterChange = plugins::scanPlugins(options);
    CHECK(tried == 1);
    CHECK(afterChange.plugins.size() == 1);
}

TEST_CASE("a song that names a blacklisted plug-in never loads it: the slot is reported and the song renders", "[plugins][scan]")
{
    TempFolder dir;
    ScopedEnvironment cache("LOOPMIND_CACHE_DIR", dir.path().string());
    int tried = 0;
    plugins::scanPlugins(testScan(plugins::defaultCatalogueFile(), tried));
    plugins::addPluginFolder(LOOPMIND_TEST_LV2_DIR);

    auto tracks = makeEngineTracks(1, 48000, 0.5, 1.0);
    EffectSlot slot;
    slot.type = EffectSlot::pluginType;
    slot.plugin = PluginReference { "LV2", "urn:loopmind:test:crash", "LoopMind Test Crash", "LoopMind", "", 0, "" };
    tracks[0].strip.inserts = { slot };
    const auto r = renderOffline(dir, tracks, {}, 1.0); // were it loaded, this process would have died here
    REQUIRE(r.report.warnings.size() == 1);
    CHECK(r.report.warnings[0].find("'LoopMind Test Crash' is blacklisted by the plug-in scan (it crashed (signal 11")
          != std::string::npos);
    CHECK(rms(r.mix) > 0.01f);
}

TEST_CASE("cli: render --arrangement plays a hosted plug-in named in arrangement.json, the same on every run", "[plugins][cli]")
{
    TempFolder dir;
    const std::string loopmind = std::string(LOOPMIND_BIN_DIR) + "/loopmind";
    const auto pack = quoted(fs::path(LOOPMIND_DEMO_LOOPS_DIR) / "House 124 A minor");
    REQUIRE(runCommand(loopmind + " arrange " + pack + " --seed 3 --bars 8 --out " + quoted(dir / "song.json")).exitCode == 0);
    auto song = nlohmann::json::parse(readBytes(dir / "song.json"));
    song["mixer"]["tracks"][0]["inserts"].push_back(
        { { "type", "plugin" },
          { "plugin", { { "format", "LV2" }, { "identifier", "urn:loopmind:test:gain" }, { "name", "LoopMind Test Gain" } } },
          { "parameters", { { "sym:gain_db", 0.625 } } } });
    writeBytes(dir / "plugged.json", song.dump());
    const auto render = [&](const std::string& name, const std::string& file) {
        return runCommand(loopmind + " render --arrangement " + quoted(dir / file) + " --no-master --bit-depth 32f --plugin-path "
                          + quoted(fs::path(LOOPMIND_TEST_LV2_DIR)) + " --out " + quoted(dir / name / "mix.wav") + " --stems "
                          + quoted(dir / name / "stems"));
    };
    const auto dry = render("dry", "song.json");
    const auto first = render("first", "plugged.json");
    const auto again = render("again", "plugged.json");
    REQUIRE(dry.exitCode == 0);
    INFO(first.err);
    REQUIRE(first.exitCode == 0);
    REQUIRE(again.exitCode == 0);
    CHECK(first.err.find("warning") == std::string::npos);
    CHECK(readBytes(dir / "first/mix.wav") == readBytes(dir / "again/mix.wav"));
    CHECK(readBytes(dir / "first/mix.wav") != readBytes(dir / "dry/mix.wav"));
    // The plug-in slot is written back into the arrangement beside the mix, as it was read.
    const auto written = nlohmann::json::parse(readBytes(dir / "first/arrangement.json"));
    CHECK(written["mixer"]["tracks"][0]["inserts"].back()["plugin"]["identifier"] == "urn:loopmind:test:gain");
}
