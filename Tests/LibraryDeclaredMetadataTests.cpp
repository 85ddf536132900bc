// Loops that state their own tempo and root: an ACID chunk in a WAV, Apple Loops' 'basc' chunk in an AIFF.
// Commercial packs are mostly written this way, by hand in a loop tool. A stated tempo wins over the audio's
// estimate when it fits the file's length; a stated root decides between keys the notes fit about equally well.
#include "Library/DecodedAudio.h"
#include "Library/LoopAnalyser.h"
#include "Library/PackConsistency.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <juce_audio_formats/juce_audio_formats.h>
#include <cmath>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
constexpr double rate = 44100;

/** C - G - Am - F, one chord a bar at 120 BPM: the notes of C major and of A minor alike. */
juce::AudioBuffer<float> popChords()
{
    const int chords[4][3] = { { 60, 64, 67 }, { 67, 71, 74 }, { 69, 72, 76 }, { 65, 69, 72 } };
    juce::AudioBuffer<float> b(2, int(8 * rate));
    for (int i = 0; i < b.getNumSamples(); ++i) {
        double v = 0;
        for (int note : chords[i / int(2 * rate)])
            v += 0.1 * std::sin(2.0 * 3.14159265358979323846 * 440.0 * std::pow(2.0, (note - 69) / 12.0) * i / rate);
        b.setSample(0, i, float(v));
        b.setSample(1, i, float(v));
    }
    return b;
}

/** A WAV of `audio` (default: a 120 BPM groove lasting `seconds`), with an ACID chunk made of `acid`. */
void writeAcidWav(const fs::path& path, double seconds, const std::map<const char*, juce::String>& acid,
                  std::optional<juce::AudioBuffer<float>> given = std::nullopt)
{
    juce::StringPairArray metadata;
    for (const auto& [key, value] : acid)
        metadata.set(key, value);
    const auto audio = given ? *given : makeBeatSignal(rate, 2, seconds, 120);
    juce::WavAudioFormat wav;
    std::unique_ptr<juce::AudioFormatWriter> writer(
        wav.createWriterFor(new juce::FileOutputStream(juce::File(path.string())), rate, 2, 16, metadata, 0));
    REQUIRE(writer != nullptr);
    REQUIRE(writer->writeFromAudioSampleBuffer(audio, 0, audio.getNumSamples()));
}

/** An AIFF with an Apple Loops 'basc' chunk stating `beats` (JUCE reads the chunk but does not write it). */
void writeAppleLoop(const fs::path& path, double seconds, std::uint32_t beats, bool oneShot)
{
    writeAudioFile(path, makeBeatSignal(rate, 2, seconds, 120), rate, 16);
    auto bytes = readBytes(path);
    std::string basc(84, '\0'); // version, beats, root note, key, time signature, one-shot flag (big-endian), reserved
    auto put32 = [&](size_t at, std::uint32_t v) { for (int k = 0; k < 4; ++k) basc[at + size_t(k)] = char((v >> (24 - 8 * k)) & 0xff); };
    auto put16 = [&](size_t at, std::uint16_t v) { basc[at] = char(v >> 8); basc[at + 1] = char(v & 0xff); };
    put32(0, 1);
    put32(4, beats);
    put16(12, 4);
    put16(14, 4);
    put16(16, oneShot ? 2 : 1);
    std::string chunk = "basc";
    chunk += std::string { char(0), char(0), char(0), char(basc.size()) } + basc;
    bytes += chunk;
    const std::uint32_t formSize = std::uint32_t(bytes.size() - 8);
    for (int k = 0; k < 4; ++k)
        bytes[4 + size_t(k)] = char((formSize >> (24 - 8 * k)) & 0xff);
    writeBytes(path, bytes);
}
} // namespace

TEST_CASE("a tempo the file states wins over the estimate when it fits the length, and only then", "[library][declared]")
{
    TempFolder dir;
    // 4 s of a 120 BPM groove. The ACID chunk says 60 BPM over 4 beats (half time: the producer's call) ...
    writeAcidWav(dir / "halftime.wav", 4.0, { { juce::WavAudioFormat::acidTempo, "60" }, { juce::WavAudioFormat::acidBeats, "4" } });
    auto declared = analyseLoopFile(dir / "halftime.wav");
    REQUIRE(declared.ok);
    CHECK(declared.bpm.value_or(0) == Approx(60.0));
    CHECK(declared.beats == 4);
    CHECK(declared.tempoFromFile);
    CHECK(toJson(declared)["tempoFromFile"].get<bool>());

    // ... 100 BPM over 8 beats would last 4.8 s, not 4: a stale field, ignored.
    writeAcidWav(dir / "stale.wav", 4.0, { { juce::WavAudioFormat::acidTempo, "100" }, { juce::WavAudioFormat::acidBeats, "8" } });
    auto stale = analyseLoopFile(dir / "stale.wav");
    CHECK_FALSE(stale.tempoFromFile);
    CHECK(stale.bpm.value_or(0) == Approx(120.0).margin(0.5));

    // A default tempo without a beat count on a short sample: not whole bars, so not a statement.
    writeAcidWav(dir / "hit.wav", 0.5, { { juce::WavAudioFormat::acidTempo, "120" }, { juce::WavAudioFormat::acidDenominator, "4" } });
    CHECK_FALSE(analyseLoopFile(dir / "hit.wav").tempoFromFile);

    // Flagged as a one-shot: no tempo, whatever the audio repeats.
    writeAcidWav(dir / "oneshot.wav", 4.0, { { juce::WavAudioFormat::acidOneShot, "1" }, { juce::WavAudioFormat::acidBeats, "8" } });
    auto oneShot = analyseLoopFile(dir / "oneshot.wav");
    CHECK_FALSE(oneShot.bpm.has_value());
    CHECK(oneShot.tempoFromFile);

    // Apple Loops state beats: 8 beats in 4 s is 120 BPM.
    writeAppleLoop(dir / "apple.aif", 4.0, 8, false);
    auto apple = analyseLoopFile(dir / "apple.aif");
    REQUIRE(apple.ok);
    CHECK(apple.tempoFromFile);
    CHECK(apple.bpm.value_or(0) == Approx(120.0));
    CHECK(apple.beats == 8);
}

TEST_CASE("a folder's majority never overrules a tempo the file states", "[library][declared][pack]")
{
    std::vector<LoopInfo> pack(4);
    for (size_t i = 0; i < pack.size(); ++i) {
        pack[i].path = "/p/Pack/loop" + std::to_string(i) + ".wav";
        pack[i].ok = true;
        pack[i].bpm = 124.0;
        pack[i].durationSeconds = 4 * 60.0 / 124.0 * 2;
    }
    pack[3].bpm = 62.0; // 8 beats at 124 are 4 beats at 62: the majority would adopt 124 ...
    pack[3].tempoFromFile = true; // ... unless the file says 62
    const auto reconciled = reconcilePackTempos(pack);
    CHECK(reconciled.loops[3].bpm.value_or(0) == Approx(62.0));
    pack[3].tempoFromFile = false;
    CHECK(reconcilePackTempos(pack).loops[3].bpm.value_or(0) == Approx(124.0));
}

TEST_CASE("a root note the file states settles the key the notes leave open, never against them", "[library][declared]")
{
    TempFolder dir;
    const auto chords = popChords(); // C major by its notes alone
    writeAcidWav(dir / "plain.wav", 8.0, { { juce::WavAudioFormat::acidBeats, "16" } }, chords);
    CHECK(analyseLoopFile(dir / "plain.wav").key.value_or("null") == "C major");
    // ACID states a root (A, MIDI 57) but no mode: A minor is the mode of A that these notes fit.
    writeAcidWav(dir / "rooted.wav", 8.0, { { juce::WavAudioFormat::acidRootSet, "1" }, { juce::WavAudioFormat::acidRootNote, "57" },
                                            { juce::WavAudioFormat::acidBeats, "16" } }, chords);
    CHECK(analyseLoopFile(dir / "rooted.wav").key.value_or("null") == "A minor");
    // A root of F# fits these notes badly: the audio's answer stands.
    writeAcidWav(dir / "wrong.wav", 8.0, { { juce::WavAudioFormat::acidRootSet, "1" }, { juce::WavAudioFormat::acidRootNote, "54" },
                                           { juce::WavAudioFormat::acidBeats, "16" } }, chords);
    CHECK(analyseLoopFile(dir / "wrong.wav").key.value_or("null") == "C major");
}
