// Analysis on recorded material: the CC0 loops and hits of Debian's sonic-pi-samples (installed by setup.sh,
// not shipped). Each loop's tempo is certain from its length: a whole number of beats (amen: 1 bar in 1.753 s
// = 136.9 BPM; compus: 16 beats in 6.486 s = 148.0). Roles are what a producer would file them under; the
// names are passed as the library passes them, so the hints ("bd", "tom", "bass") count as they do for users.
#include "Analysis/LoopAnalysis.h"
#include "Library/DecodedAudio.h"
#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace loopmind;

namespace {
const std::filesystem::path samples = "/usr/share/sonic-pi/samples";

struct RealItem {
    const char* file;
    std::optional<double> bpm; // null: not asserted (a fill, a one-shot)
    const char* role;
};

const std::vector<RealItem> items {
    { "loop_amen.flac", 136.9, "drums" },       { "loop_amen_full.flac", 140.0, "drums" },
    { "loop_breakbeat.flac", 126.0, "drums" },  // an 808-style boom holds 98 % of its energy, snares on top
    { "loop_compus.flac", 148.0, "drums" },     { "loop_electric.flac", 97.0, "drums" },
    { "loop_garzul.flac", 120.0, "drums" },     { "loop_mehackit1.flac", 97.0, "drums" },
    { "loop_mehackit2.flac", 97.0, "drums" },   { "loop_mika.flac", 120.0, "drums" },
    { "loop_safari.flac", 120.0, "drums" },     { "loop_tabla.flac", 90.0, "drums" },
    { "loop_perc1.flac", std::nullopt, "drums" }, // an irregular fill: no steady tempo to find
    { "guit_e_fifths.flac", std::nullopt, "chords" }, // a held power chord: its low E is a root, not a bass line
    { "bd_boom.flac", std::nullopt, "drums" },  // a tonal boom: kick or bass note alike, the name decides
    { "bass_hit_c.flac", std::nullopt, "bass" }, { "bass_thick_c.flac", std::nullopt, "bass" },
    { "drum_snare_hard.flac", std::nullopt, "drums" }, { "drum_tom_mid_soft.flac", std::nullopt, "drums" },
};
} // namespace

TEST_CASE("recorded loops and hits: tempo within 1 BPM, role as a producer files them", "[analysis][real]")
{
    if (!std::filesystem::is_directory(samples))
        FAIL("sonic-pi-samples is not installed: ./setup.sh installs it");
    int tempoRight = 0, tempoAsked = 0, roleRight = 0;
    std::ostringstream misses;
    for (const auto& item : items) {
        const auto path = samples / item.file;
        auto decoded = decodeAudioFile(path);
        REQUIRE(decoded.ok());
        const auto r = analysis::analyseLoop(decoded.value().audio, decoded.value().sampleRate, "samples/" + std::string(item.file));
        if (item.bpm) {
            ++tempoAsked;
            const bool right = r.tempo.bpm && std::abs(*r.tempo.bpm - *item.bpm) <= 1.0;
            tempoRight += right;
            if (!right)
                misses << item.file << ": tempo " << (r.tempo.bpm ? std::to_string(*r.tempo.bpm) : "null") << " for " << *item.bpm << "\n";
        }
        const auto role = r.role.role.value_or("null");
        roleRight += role == item.role;
        if (role != item.role)
            misses << item.file << ": role " << role << " for " << item.role << "\n";
    }
    INFO(misses.str());
    WARN("recorded material: tempo " << tempoRight << "/" << tempoAsked << ", role " << roleRight << "/" << items.size());
    CHECK(tempoRight == tempoAsked);
    CHECK(roleRight == int(items.size()));
}
