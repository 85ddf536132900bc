// The analysis against the demo packs' manifest: every synthesised loop's true tempo, key and role.
#include "Analysis/LoopAnalysis.h"
#include <catch2/catch.hpp>
#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>
#include <fstream>
#include <memory>

using namespace loopmind::analysis;

namespace {
struct Decoded {
    juce::AudioBuffer<float> audio;
    double sampleRate = 0.0;
};

bool decode(const juce::File& file, Decoded& out)
{
    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    std::unique_ptr<juce::AudioFormatReader> reader(formats.createReaderFor(file));
    if (reader == nullptr || reader->lengthInSamples <= 0)
        return false;
    out.sampleRate = reader->sampleRate;
    out.audio.setSize(int(reader->numChannels), int(reader->lengthInSamples));
    return reader->read(&out.audio, 0, int(reader->lengthInSamples), 0, true, true);
}
} // namespace

TEST_CASE("analysis agrees with the demo manifest", "[analysis]")
{
    const juce::File root(LOOPMIND_DEMO_LOOPS_DIR);
    const auto manifestFile = root.getChildFile("manifest.json");
    REQUIRE(manifestFile.existsAsFile());
    std::ifstream in(manifestFile.getFullPathName().toStdString());
    const auto manifest = nlohmann::json::parse(in);
    REQUIRE(manifest.at("loops").size() >= 1);

    int tempoRight = 0, keyRight = 0, roleRight = 0, count = 0;
    for (const auto& loop : manifest.at("loops")) {
        const auto path = loop.at("path").get<std::string>();
        const auto file = root.getChildFile(juce::String::fromUTF8(path.c_str()));
        Decoded d;
        INFO(path);
        REQUIRE(decode(file, d));
        ++count;

        // The same hint the library gives: folder and file name.
        const auto tempo = estimateTempo(d.audio, d.sampleRate, path);
        const auto key = estimateKey(d.audio, d.sampleRate);
        const auto role = classifyRole(d.audio, d.sampleRate, path);
        const double bpm = loop.at("bpm").get<double>();
        const auto trueKey = loop.at("key").get<std::string>();
        const auto trueRole = loop.at("role").get<std::string>();
        INFO("tempo " << tempo.bpm.value_or(-1.0) << " (" << tempo.confidence << "), key " << key.key.value_or("null") << " ("
                      << key.confidence << "), role " << role.role.value_or("null") << " (" << role.confidence << ")");

        REQUIRE(tempo.bpm.has_value());
        CHECK(*tempo.bpm == Approx(bpm).margin(1.0));
        CHECK(tempo.beats == loop.at("beats").get<int>());
        CHECK(key.key.value_or("null") == trueKey);
        CHECK(role.role.value_or("null") == trueRole);
        tempoRight += std::abs(*tempo.bpm - bpm) <= 1.0 ? 1 : 0;
        keyRight += key.key.value_or("null") == trueKey ? 1 : 0;
        roleRight += role.role.value_or("null") == trueRole ? 1 : 0;

        // Without the name the audio alone must still find the tempo of every rhythmic loop.
        const auto blind = estimateTempo(d.audio, d.sampleRate, "");
        if (trueRole != "fx") {
            REQUIRE(blind.bpm.has_value());
            CHECK(*blind.bpm == Approx(bpm).margin(1.0));
        }
        CHECK(classifyRole(d.audio, d.sampleRate, "").role.value_or("null") == trueRole);
    }
    CHECK(tempoRight == count);
    CHECK(keyRight == count);
    CHECK(roleRight == count);
}
