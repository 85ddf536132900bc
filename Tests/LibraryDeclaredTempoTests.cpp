// Loops that state their own tempo: an ACID chunk in a WAV, Apple Loops' beat count in an AIFF. Commercial
// packs are mostly written this way, by hand in a loop tool; the statement wins over the audio's estimate
// when it fits the file's length, and is ignored when it does not.
#include "Library/DecodedAudio.h"
#include "Library/LoopAnalyser.h"
#include "Library/PackConsistency.h"
#include "Support/TestFiles.h"
#include <catch2/catch.hpp>
#include <juce_audio_formats/juce_audio_formats.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace loopmind;
using namespace loopmind::test;
namespace fs = std::filesystem;

namespace {
constexpr double rate = 44100;

/** A WAV of a 120 BPM groove lasting `seconds`, with an ACID chunk made of `acid` (empty: none). */
void writeAcidWav(const fs::path& path, double seconds, const std::map<const char*, juce::String>& acid)
{
    juce::StringPairArray metadata;
    for (const auto& [key, value] : acid)
        metadata.set(key, value);
    const auto audio = makeBeatSignal(rate, 2, seconds, 120);
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
