// Hosted plug-ins in the app: chosen for an insert, played by the live engine, edited in the instance's editor; closing
// the editor records the instance's state in the song (one undo step, no rebuild), and the project keeps it.
#include "Arrangement/ArrangementFile.h"
#include "GuiStudioFixture.h"
#include "Plugins/PluginSlot.h"

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("a hosted plug-in in an insert plays live; its editor's changes are recorded on close, undo and are saved",
          "[gui][plugins]")
{
    auto studio = makeStudio();
    REQUIRE(studio->generate(6));
    waitForSession(*studio);
    studio->setMixerVisible(true);
    const StripRef track0 { StripRef::Kind::track, 0 };
    const auto strip = [&] { return studio->document().song().arrangement->tracks[0].strip; };
    const int slot = int(strip().inserts.size());
    REQUIRE(slot < ChannelStrip::maxInserts);
    const PluginReference eq { "LV2", "http://gareus.org/oss/lv2/fil4#stereo", "x42-eq - Parametric Equalizer Stereo", "Robin Gareus", "", 0, "" };
    studio->setPluginInsert(track0, slot, eq);
    REQUIRE(pumpUntil([&] { return studio->engine().hostedPlugin(track0, slot) != nullptr; }, 30));
    CHECK(studio->mixerView().stripAt(0).insertButton(slot).getButtonText().startsWith("x42-eq"));
    auto* live = studio->engine().hostedPlugin(track0, slot);

    // The generic editor edits the live instance.
    REQUIRE(studio->openPluginEditor(track0, slot, false));
    REQUIRE(studio->pluginEditor() != nullptr);
    CHECK(&studio->pluginEditor()->instance() == &live->instance());
    snapshot(*studio, "plugin-editor");
    auto* gain = plugins::findParameter(live->instance(), "sym:gain1");
    REQUIRE(gain != nullptr);
    gain->setValueNotifyingHost(0.9f);
    CHECK(strip().inserts.back().parameters.empty()); // not yet in the song: it is recorded when the editor closes

    studio->closePluginEditor();
    CHECK(studio->pluginEditor() == nullptr);
    const auto recorded = strip().inserts.back().plugin->state;
    CHECK_FALSE(recorded.empty());
    CHECK(strip().inserts.back().parameters.at("sym:gain1") == Approx(0.9));
    CHECK(studio->engine().hostedPlugin(track0, slot) == live); // recorded without rebuilding the session

    const auto file = juce::File((freshTempFolder("plugin-project") / "song.loopmind").string());
    REQUIRE(studio->saveProjectFile(file));
    studio->document().undoManager().undo(); // the recorded settings, one step
    CHECK(strip().inserts.back().plugin->state.empty());
    CHECK(strip().inserts.back().parameters.empty());
    CHECK(int(strip().inserts.size()) == slot + 1);

    auto reopened = makeStudio(false);
    REQUIRE(reopened->openProjectFile(file));
    REQUIRE(pumpUntil([&] { return !reopened->isScanning(); }, 180));
    const auto& saved = reopened->document().song().arrangement->tracks[0].strip;
    REQUIRE(int(saved.inserts.size()) == slot + 1);
    REQUIRE(saved.inserts.back().plugin.has_value());
    CHECK(saved.inserts.back().plugin->identifier == eq.identifier);
    CHECK(saved.inserts.back().plugin->state == recorded);
    waitForSession(*reopened);
    REQUIRE(pumpUntil([&] { return reopened->engine().hostedPlugin(track0, slot) != nullptr; }, 30));
    auto* again = plugins::findParameter(reopened->engine().hostedPlugin(track0, slot)->instance(), "sym:gain1");
    CHECK(again->getValue() == Approx(0.9f).margin(1e-3));
}

TEST_CASE("the plug-in list is searched by name, vendor or category, and a plug-in folder from Options is scanned",
          "[gui][plugins]")
{
    auto studio = makeStudio(false);
    // The test gain bundle alone (the test folder's hanging bundle would cost the scan its time limit).
    const auto folder = juce::File(freshTempFolder("plugin-folder").string());
    REQUIRE(juce::File(LOOPMIND_TEST_LV2_DIR).getChildFile("loopmind-test-gain.lv2").copyDirectoryTo(folder.getChildFile("loopmind-test-gain.lv2")));
    bool scanned = false;
    studio->onPluginScanFinished = [&] { scanned = true; };
    studio->addPluginFolder(folder);
    REQUIRE(pumpUntil([&] { return scanned; }, 120));
    CHECK(studio->settings().pluginFolders().contains(folder.getFullPathName()));
    const auto byName = studio->findPlugins("test gain");
    REQUIRE(byName.size() == 1);
    CHECK(byName[0].identifier == "urn:loopmind:test:gain");
    CHECK(studio->findPlugins("LOOPMIND").size() == 1); // the vendor, any case
    for (const auto& p : studio->findPlugins("reverb"))
        CHECK(studio->pluginList().find(p)->category.find("Reverb") != std::string::npos);
    CHECK(studio->findPlugins("no such plug-in anywhere").empty());
}
