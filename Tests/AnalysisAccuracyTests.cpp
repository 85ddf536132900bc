// Accuracy of tempo, key and role on the labelled hard test set (loopmind_demogen --test-set, built into
// LOOPMIND_TEST_SET_DIR). Files have neutral names (item-017.wav), so the audio alone must answer; a second
// case passes descriptive names as hints. Prints a per-category table and asserts floors per category,
// set at or just below what the analyser achieves today (issue 5, "Proof").
#include "Analysis/LoopAnalysis.h"
#include "Library/DecodedAudio.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

using namespace loopmind;
using namespace loopmind::analysis;

namespace {

struct Tally {
    int n = 0, tempo = 0, octave = 0, keyScored = 0, key = 0, keyUnsure = 0, role = 0;
    double pct(int v, int of) const { return of > 0 ? 100.0 * v / of : 100.0; }
};

struct Truth {
    std::string path, category, key, role, hint;
    std::optional<double> bpm;
    std::vector<std::string> keyCandidates;
};

std::vector<Truth> loadManifest(const juce::File& root)
{
    std::ifstream in(root.getChildFile("manifest.json").getFullPathName().toStdString());
    const auto manifest = nlohmann::json::parse(in);
    std::vector<Truth> out;
    for (const auto& l : manifest.at("loops")) {
        Truth t;
        t.path = l.at("path").get<std::string>();
        t.category = l.at("category").get<std::string>();
        if (!l.at("bpm").is_null()) t.bpm = l.at("bpm").get<double>();
        t.key = l.at("key").get<std::string>();
        t.keyCandidates = l.at("keyCandidates").get<std::vector<std::string>>();
        t.role = l.at("role").get<std::string>();
        t.hint = l.at("hint").get<std::string>();
        out.push_back(std::move(t));
    }
    return out;
}

bool tempoRight(const Truth& t, const TempoEstimate& e)
{
    if (!t.bpm) return !e.bpm.has_value();
    return e.bpm && std::abs(*e.bpm - *t.bpm) <= 1.0;
}

bool octaveError(const Truth& t, const TempoEstimate& e)
{
    if (!t.bpm || !e.bpm) return false;
    for (double f : {0.5, 2.0, 1.5, 2.0 / 3.0})
        if (std::abs(*e.bpm - *t.bpm * f) <= 1.0) return true;
    return false;
}

/** Exact key; for unpitched truth "none" (or null, an honest "unsure"); for ambiguous truth null or a defensible key. */
bool keyRight(const Truth& t, const KeyEstimate& e)
{
    if (t.key == "none") return !e.key || *e.key == "none";
    if (t.key == "ambiguous") {
        if (!e.key) return true;
        for (const auto& c : t.keyCandidates)
            if (c == *e.key) return true;
        return false;
    }
    return e.key && *e.key == t.key;
}

/** Analyses every item; nameFor gives the hint passed to tempo and role. */
template <typename NameFn>
std::map<std::string, Tally> runSet(const juce::File& root, const std::vector<Truth>& truth, NameFn nameFor, std::string& misses)
{
    std::map<std::string, Tally> byCategory;
    std::ostringstream log;
    for (const auto& t : truth) {
        auto decoded = decodeAudioFile(root.getChildFile(t.path).getFullPathName().toStdString());
        REQUIRE(decoded.ok());
        const auto& d = decoded.value();
        const auto name = nameFor(t);
        const auto tempo = estimateTempo(d.audio, d.sampleRate, name);
        const auto key = estimateKey(d.audio, d.sampleRate);
        const auto role = classifyRole(d.audio, d.sampleRate, name);
        for (auto* tally : {&byCategory[t.category], &byCategory["ALL"]}) {
            ++tally->n;
            tally->tempo += tempoRight(t, tempo) ? 1 : 0;
            tally->octave += octaveError(t, tempo) ? 1 : 0;
            tally->key += keyRight(t, key) ? 1 : 0;
            tally->keyUnsure += !key.key ? 1 : 0;
            tally->role += role.role.value_or("null") == t.role ? 1 : 0;
        }
        if (!tempoRight(t, tempo) || !keyRight(t, key) || role.role.value_or("null") != t.role) {
            log << "  " << t.path << " [" << t.category << "] truth " << (t.bpm ? std::to_string(int(*t.bpm)) : "null") << " / " << t.key
                << " / " << t.role << "  got " << (tempo.bpm ? std::to_string(*tempo.bpm) : "null") << " (" << tempo.confidence << ") / "
                << key.key.value_or("null") << " (" << key.confidence << ") / " << role.role.value_or("null") << "\n";
        }
    }
    misses = log.str();
    return byCategory;
}

std::string table(const std::map<std::string, Tally>& byCategory, const char* title)
{
    std::ostringstream s;
    char line[160];
    s << title << "\n";
    std::snprintf(line, sizeof line, "  %-9s %3s %9s %7s %8s %7s %7s\n", "category", "n", "tempo%", "octave", "key%", "unsure", "role%");
    s << line;
    for (const auto& [cat, t] : byCategory) {
        std::snprintf(line, sizeof line, "  %-9s %3d %8.0f%% %7d %7.0f%% %7d %6.0f%%\n", cat.c_str(), t.n, t.pct(t.tempo, t.n), t.octave,
                      t.pct(t.key, t.n), t.keyUnsure, t.pct(t.role, t.n));
        s << line;
    }
    return s.str();
}

struct Floor {
    double tempo, key, role;
};

} // namespace

TEST_CASE("analysis accuracy floors on the labelled hard set (neutral names)", "[analysis][accuracy]")
{
    const juce::File root(LOOPMIND_TEST_SET_DIR);
    REQUIRE(root.getChildFile("manifest.json").existsAsFile());
    const auto truth = loadManifest(root);
    REQUIRE(truth.size() >= 40);

    std::string misses;
    const auto byCategory = runSet(root, truth, [](const Truth& t) { return t.path; }, misses);
    const auto text = table(byCategory, "analysis accuracy, neutral names (tempo exact within 1 BPM, key exact, role):");
    std::printf("%s%s", text.c_str(), misses.empty() ? "" : ("misses:\n" + misses).c_str());
    std::fflush(stdout);

    // Floors (percent), at or just below today's figures (small categories: one miss allowed); raise them
    // when the analyser improves. Today (neutral names): tempo straight, swing, half-time 100 (drum-pattern
    // octave evidence: kicks that would need 32nds, kick/snare backbeat on 8ths), bass 75, chords 88,
    // melody 83 (the misses are octave errors on even 8th-note lines, which audio alone cannot settle),
    // texture/one-shot null 100; key 100 everywhere; role 100 except one-shots 75.
    const std::map<std::string, Floor> floors = {
        {"straight", {90, 95, 95}}, {"swing", {85, 85, 85}},  {"halftime", {80, 95, 95}}, {"bass", {70, 85, 85}},
        {"chords", {85, 85, 85}},   {"melody", {80, 80, 80}}, {"texture", {95, 95, 80}},  {"oneshot", {95, 85, 70}},
    };
    for (const auto& [cat, floor] : floors) {
        INFO(cat);
        REQUIRE(byCategory.count(cat) == 1);
        const auto& t = byCategory.at(cat);
        CHECK(t.pct(t.tempo, t.n) >= floor.tempo);
        CHECK(t.pct(t.key, t.n) >= floor.key);
        CHECK(t.pct(t.role, t.n) >= floor.role);
    }
    const auto& half = byCategory.at("halftime");
    CHECK(half.pct(half.tempo + half.octave, half.n) >= 95.0);
    const auto& all = byCategory.at("ALL");
    CHECK(all.pct(all.tempo, all.n) >= 92.0);
    CHECK(all.pct(all.tempo + all.octave, all.n) >= 98.0);
    CHECK(all.pct(all.role, all.n) >= 95.0);
}

TEST_CASE("analysis accuracy with descriptive names as hints", "[analysis][accuracy]")
{
    const juce::File root(LOOPMIND_TEST_SET_DIR);
    REQUIRE(root.getChildFile("manifest.json").existsAsFile());
    const auto truth = loadManifest(root);

    std::string blindMisses, hintedMisses;
    const auto blind = runSet(root, truth, [](const Truth& t) { return t.path; }, blindMisses);
    const auto hinted = runSet(root, truth, [](const Truth& t) { return t.hint + ".wav"; }, hintedMisses);
    const auto text = table(hinted, "analysis accuracy, descriptive names as hints:");
    std::printf("%s", text.c_str());
    std::fflush(stdout);

    // A correct name is a weak hint: it must never make things worse overall.
    const auto& b = blind.at("ALL");
    const auto& h = hinted.at("ALL");
    CHECK(h.tempo >= b.tempo);
    CHECK(h.role >= b.role);
}
