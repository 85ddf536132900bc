#include "Support/HeldOutUnseenSet.h"
#include "Support/InstrumentLoopBuild.h"
#include "Support/LoopPatterns.h"
#include <cmath>
#include <cstdio>

namespace loopmind::test {
namespace {
// Bump when anything below changes what is generated: the folder is keyed by it.
constexpr int kUnseenGeneratorVersion = 1;
constexpr double kRate = 44100.0;

struct UnseenPlan {
    const char* kind;
    const char* role;
    int count;
    double bpmLo, bpmHi;
    std::vector<int> programs; // GM programs (0-based); empty for drums
};

// GM programs no other set uses. Bass lines: every GM bass program is taken, so these are instruments played in the
// bass register (muted guitar, cello, baritone sax, trombone), as a producer's bass patch often is.
const std::vector<UnseenPlan>& unseenPlans()
{
    static const std::vector<UnseenPlan> plans {
        { "bass8", "bass", 6, 68, 180, { 28, 42, 67, 57 } },
        { "bass-staccato", "bass", 6, 80, 170, { 28, 42, 67, 57 } },
        { "bass-offbeat", "bass", 6, 110, 140, { 28, 42, 67, 57 } },
        { "stab", "chords", 6, 80, 170, { 3, 18, 26, 21 } },
        { "pad", "chords", 6, 60, 140, { 93, 95, 54, 20 } },
        { "drone", "chords", 4, 60, 150, { 93, 95, 20 } },
        { "arp", "melody", 6, 70, 160, { 9, 15, 107, 108 } },
        { "lead", "melody", 6, 70, 170, { 75, 83, 85, 59, 69 } },
        { "rock", "drums", 4, 80, 140, {} },       { "four-floor", "drums", 4, 118, 132, {} },
        { "half-time", "drums", 4, 130, 160, {} }, { "breakbeat", "drums", 4, 85, 135, {} },
        { "dnb", "drums", 4, 165, 180, {} },       { "hiphop", "drums", 4, 66, 80, {} },
        { "boom-bap", "drums", 4, 72, 92, {} },    { "trap", "drums", 4, 66, 80, {} },
        { "sparse-perc", "drums", 4, 70, 150, {} },
    };
    return plans;
}

std::vector<InstrumentLoopSpec> planUnseenSet()
{
    static const char* const tonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    static const std::vector<std::string> kits { "Millo-Drums_v.1", "Millo_MultiLayered2" };
    PatternRng rng(20261209);
    std::vector<InstrumentLoopSpec> specs;
    for (const auto& plan : unseenPlans())
        for (int i = 0; i < plan.count; ++i) {
            InstrumentLoopSpec s;
            const std::string kind = plan.kind;
            s.loop.kind = kind;
            s.loop.role = plan.role;
            s.loop.heldOut = true;
            const bool held = kind == "pad" || kind == "drone", sparse = kind == "sparse-perc";
            const double bpm = rng.between(plan.bpmLo, plan.bpmHi);
            s.loop.bpm = kind == "drone" || sparse || rng.chance(0.75) ? std::round(bpm) : std::round(bpm * 10.0) / 10.0;
            s.beats = 8;
            if (8 * 60.0 / *s.loop.bpm > 8.5) s.beats = 4;
            if (8 * 60.0 / *s.loop.bpm < 2.9 && rng.chance(0.5)) s.beats = 16;
            if (held) s.beats = 16 * 60.0 / *s.loop.bpm <= 8.5 ? 16 : 8;
            s.lengthSamples = int(std::lround(s.beats * 60.0 / *s.loop.bpm * kRate));
            if (plan.programs.empty()) {
                s.loop.instrument = kits[size_t(i) % kits.size()];
                s.loop.key = "none";
            } else {
                s.program = plan.programs[size_t(i) % plan.programs.size()];
                s.loop.instrument = "GM " + std::to_string(s.program);
                const int k = rng.below(24); // every key
                s.tonic = k / 2;
                s.minor = k % 2 == 1;
                s.loop.key = std::string(tonics[s.tonic]) + (s.minor ? " minor" : " major");
            }
            s.swing = !held && rng.chance(0.3) ? rng.between(0.55, 0.64) : 0.5;
            drawFinishingTouches(s, rng);
            specs.push_back(std::move(s));
        }
    // Neutral names in a shuffled order.
    for (size_t i = specs.size(); i > 1; --i)
        std::swap(specs[i - 1], specs[size_t(rng.below(int(i)))]);
    for (size_t i = 0; i < specs.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "iu-%03d.wav", int(i));
        specs[i].loop.file = name;
    }
    return specs;
}
} // namespace

InstrumentLoopSet unseenInstrumentLoopSet()
{
    return builtInstrumentSet(planUnseenSet(), "loopmind-instrument-unseen-v" + std::to_string(kUnseenGeneratorVersion),
                              kUnseenGeneratorVersion);
}

} // namespace loopmind::test
