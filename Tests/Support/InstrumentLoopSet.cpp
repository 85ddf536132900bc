#include "Support/InstrumentLoopSet.h"
#include "Support/InstrumentLoopBuild.h"
#include "Support/DrumKitLoops.h"
#include "Support/FluidSynthRender.h"
#include "Support/LoopPatterns.h"
#include "Support/TestFiles.h"
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <stdexcept>
#include <unistd.h>

namespace loopmind::test {
namespace fs = std::filesystem;
namespace {
// Bump when anything below changes what is generated: the cache folder is keyed by it.
// 2: in-sample drum loops added (three more kits, three more groove types); the version-1 loops are unchanged.
// 3: the lo-fi kit's hand percussion leads with a high tom, not a 1 s sub tone at 65 Hz (a bass note, not percussion).
// 4: an electronic kit with a synthesised 808-style kick (18 more in-sample drum loops).
// 5: 18 in-sample pads and drones on GM programs neither third used (planExtraHeld).
constexpr int kGeneratorVersion = 5;
constexpr double kRate = 44100.0;
constexpr double kTailSeconds = 2.0; // release rendered past the loop's end, then folded into its start or cut
const char* const kTonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };

struct ClassPlan {
    const char* kind;
    const char* role;
    int count;
    double bpmLo, bpmHi;
    std::vector<int> programs, heldOutPrograms; // GM programs (0-based); empty for drums
};

// Held-out programs never appear in-sample, in any class (fretless, synth bass 2, slap 2, bright piano, EP 2,
// clean guitar, slow strings, polysynth, choir, pizzicato, square lead, vibraphone, alto sax, clarinet).
const std::vector<ClassPlan>& pitchedPlans()
{
    static const std::vector<ClassPlan> plans {
        { "bass8", "bass", 30, 85, 150, { 32, 33, 34, 36, 38 }, { 35, 39, 37 } },
        { "bass-staccato", "bass", 27, 80, 170, { 33, 34, 36, 38, 32 }, { 39, 35, 37 } },
        { "bass-offbeat", "bass", 24, 110, 140, { 38, 34, 33, 36 }, { 39, 37, 35 } },
        { "stab", "chords", 27, 80, 170, { 0, 4, 17, 61, 62, 25 }, { 1, 5, 27 } },
        { "pad", "chords", 24, 60, 140, { 48, 89, 19, 50, 16 }, { 49, 90, 91 } },
        { "drone", "chords", 15, 60, 150, { 89, 48, 19, 50 }, { 91, 49, 90 } },
        { "arp", "melody", 27, 70, 160, { 46, 81, 12, 0, 24 }, { 45, 80, 11 } },
        { "lead", "melody", 27, 70, 170, { 73, 56, 40, 81, 22 }, { 65, 71, 80 } },
    };
    return plans;
}

const std::vector<ClassPlan>& drumPlans()
{
    static const std::vector<ClassPlan> plans {
        { "rock", "drums", 12, 80, 140, {}, {} },      { "four-floor", "drums", 12, 118, 132, {}, {} },
        { "half-time", "drums", 9, 130, 160, {}, {} }, { "breakbeat", "drums", 12, 85, 135, {}, {} },
        { "dnb", "drums", 12, 165, 180, {}, {} },      { "hiphop", "drums", 12, 66, 80, {}, {} },
        { "sparse-perc", "drums", 18, 70, 150, {}, {} },
    };
    return plans;
}

const std::vector<std::string> kKits { "ColomboAcousticDrumkit", "ElectricEmpireKit", "The Black Pearl 1.0", "BJA_Pacific" };
const std::vector<std::string> kHeldOutKits { "HardElectro1", "Millo_MultiLayered3", "VariBreaks" };

// Keys as tonic * 2 + minor. Held out: C#, E, F#, A# major; D#, F, G#, B minor.
bool keyHeldOut(int k)
{
    static const std::vector<int> out { 1 * 2, 4 * 2, 6 * 2, 10 * 2, 3 * 2 + 1, 5 * 2 + 1, 8 * 2 + 1, 11 * 2 + 1 };
    return std::find(out.begin(), out.end(), k) != out.end();
}

PitchedKind pitchedKind(const std::string& kind)
{
    static const std::map<std::string, PitchedKind> kinds { { "bass8", PitchedKind::Bass8 }, { "bass-staccato", PitchedKind::BassStaccato },
        { "bass-offbeat", PitchedKind::BassOffbeat }, { "stab", PitchedKind::Stab }, { "pad", PitchedKind::Pad },
        { "drone", PitchedKind::Drone }, { "arp", PitchedKind::Arp }, { "lead", PitchedKind::Lead } };
    return kinds.at(kind[0] == '+' ? kind.substr(1) : kind);
}

DrumKind drumKind(const std::string& kind)
{
    static const std::map<std::string, DrumKind> kinds { { "rock", DrumKind::Rock }, { "four-floor", DrumKind::FourFloor },
        { "half-time", DrumKind::HalfTime }, { "breakbeat", DrumKind::Breakbeat }, { "dnb", DrumKind::DrumAndBass },
        { "hiphop", DrumKind::HipHop }, { "sparse-perc", DrumKind::SparsePerc }, { "dnb-busy", DrumKind::DrumAndBassBusy },
        { "boom-bap", DrumKind::BoomBap }, { "trap", DrumKind::Trap } };
    return kinds.at(kind[0] == '+' ? kind.substr(1) : kind);
}

using Spec = InstrumentLoopSpec;

std::vector<Spec> planSet()
{
    PatternRng rng(20261205);
    std::vector<Spec> specs;
    std::vector<int> inKeys, outKeys;
    for (int k = 0; k < 24; ++k)
        (keyHeldOut(k) ? outKeys : inKeys).push_back(k);
    auto addClass = [&](const ClassPlan& plan, bool pitched) {
        for (int i = 0; i < plan.count; ++i) {
            Spec s;
            s.loop.kind = plan.kind;
            s.loop.role = plan.role;
            s.loop.heldOut = i % 3 == 2;
            const bool drone = s.loop.kind == "drone", sparse = s.loop.kind == "sparse-perc";
            double bpm = rng.between(plan.bpmLo, plan.bpmHi);
            // 8th-note bass lines where octave errors live: a third at 165-180 BPM, a sixth at 68-76.
            if (s.loop.kind == "bass8" && i % 6 < 2)
                bpm = rng.between(165, 180);
            else if (s.loop.kind == "bass8" && i % 6 == 2)
                bpm = rng.between(68, 76);
            // Most packs use whole BPMs; a quarter get one decimal. Drones and sparse loops: whole, the point of them.
            bpm = drone || sparse || rng.chance(0.75) ? std::round(bpm) : std::round(bpm * 10.0) / 10.0;
            s.loop.bpm = bpm;
            // 2-8.5 s: 8 beats where that fits, else 4 or 16.
            s.beats = 8;
            if (8 * 60.0 / bpm > 8.5) s.beats = 4;
            if (8 * 60.0 / bpm < 2.9 && rng.chance(0.5)) s.beats = 16;
            if (drone || s.loop.kind == "pad") s.beats = 16 * 60.0 / bpm <= 8.5 ? 16 : 8;
            s.lengthSamples = int(std::lround(s.beats * 60.0 / bpm * kRate));
            if (pitched) {
                const auto& pool = s.loop.heldOut ? plan.heldOutPrograms : plan.programs;
                s.program = pool[size_t(rng.below(int(pool.size())))];
                s.loop.instrument = "GM " + std::to_string(s.program);
                const auto& keys = s.loop.heldOut ? outKeys : inKeys;
                const int k = keys[size_t(rng.below(int(keys.size())))];
                s.tonic = k / 2;
                s.minor = k % 2 == 1;
                s.loop.key = std::string(kTonics[s.tonic]) + (s.minor ? " minor" : " major");
            } else {
                const auto& kits = sparse ? std::vector<std::string> { s.loop.heldOut ? "circAfrique v4" : "Gimme A Hand 1.0" }
                                          : (s.loop.heldOut ? kHeldOutKits : kKits);
                s.loop.instrument = kits[size_t(rng.below(int(kits.size())))];
                s.loop.key = "none";
            }
            const bool held = drone || s.loop.kind == "pad";
            s.swing = !held && rng.chance(0.3) ? rng.between(0.55, 0.64) : 0.5;
            drawFinishingTouches(s, rng);
            // The name-hint subset: half the drones and sparse loops carry their whole BPM in the name.
            s.loop.named = (drone || sparse) && i % 2 == 1;
            specs.push_back(std::move(s));
        }
    };
    for (const auto& p : pitchedPlans())
        addClass(p, true);
    for (const auto& p : drumPlans())
        addClass(p, false);
    // Neutral names in a shuffled order, so neither the name nor its number says what a file is.
    std::vector<int> ids(specs.size());
    for (size_t i = 0; i < ids.size(); ++i)
        ids[i] = int(i);
    for (size_t i = ids.size(); i > 1; --i)
        std::swap(ids[i - 1], ids[size_t(rng.below(int(i)))]);
    for (size_t i = 0; i < specs.size(); ++i) {
        char name[64];
        if (specs[i].loop.named)
            std::snprintf(name, sizeof name, "il-%03d %d.wav", ids[i], int(*specs[i].loop.bpm));
        else
            std::snprintf(name, sizeof name, "il-%03d.wav", ids[i]);
        specs[i].loop.file = name;
    }
    return specs;
}

/** In-sample widening (generator version 2): drum loops from three kits the first version did not use, none of them
    held out, with the same grooves plus three more (a busier drum and bass, boom-bap with 8th hats, trap-style), and
    hand-percussion loops. Drawn from their own seed and numbered after the first version's loops, so those stay the
    same files. All in-sample: they widen what the rules are tuned on, not what they are measured on. */
std::vector<Spec> planExtraDrums(int firstId)
{
    struct ExtraPlan {
        const char* kind;
        int perKit;
        double bpmLo, bpmHi;
    };
    static const std::vector<ExtraPlan> plans { { "rock", 2, 80, 140 },    { "four-floor", 2, 118, 132 }, { "half-time", 2, 130, 160 },
                                                { "breakbeat", 2, 85, 135 }, { "dnb", 2, 165, 180 },       { "dnb-busy", 2, 160, 180 },
                                                { "hiphop", 2, 66, 80 },     { "boom-bap", 2, 72, 92 },     { "trap", 2, 66, 80 } };
    static const std::vector<std::string> kits { "ForzeeStereo", "rumpf_kit_z01_h2", "Audiophob" };
    static const std::vector<std::string> percussionKits { "ForzeeStereo", "Audiophob" };
    PatternRng rng(20261207);
    std::vector<Spec> specs;
    auto add = [&](const std::string& kind, const std::string& kit, double bpmLo, double bpmHi) {
        Spec s;
        s.loop.kind = kind;
        s.loop.role = "drums";
        s.loop.key = "none";
        s.loop.instrument = kit;
        const bool sparse = kind == "sparse-perc";
        const double bpm = rng.between(bpmLo, bpmHi);
        s.loop.bpm = sparse || rng.chance(0.75) ? std::round(bpm) : std::round(bpm * 10.0) / 10.0;
        s.beats = 8;
        if (8 * 60.0 / *s.loop.bpm > 8.5) s.beats = 4;
        if (8 * 60.0 / *s.loop.bpm < 2.9 && rng.chance(0.5)) s.beats = 16;
        s.lengthSamples = int(std::lround(s.beats * 60.0 / *s.loop.bpm * kRate));
        s.swing = rng.chance(0.3) ? rng.between(0.55, 0.64) : 0.5;
        s.reverb = rng.chance(0.2);
        s.saturate = rng.chance(0.2);
        s.peakDb = rng.between(-12.0, -1.0);
        s.seed = std::uint32_t(rng.below(1 << 30));
        specs.push_back(std::move(s));
    };
    for (const auto& kit : kits)
        for (const auto& p : plans)
            for (int i = 0; i < p.perKit; ++i)
                add(p.kind, kit, p.bpmLo, p.bpmHi);
    for (const auto& kit : percussionKits)
        for (int i = 0; i < 4; ++i)
            add("sparse-perc", kit, 70, 150);
    for (const auto& p : plans) // version 4, drawn after the others so theirs stay the same
        for (int i = 0; i < p.perKit; ++i)
            add(p.kind, "Synth808", p.bpmLo, p.bpmHi);
    for (size_t i = 0; i < specs.size(); ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "il-%03d.wav", firstId + int(i));
        specs[i].loop.file = name;
    }
    return specs;
}

/** In-sample widening (generator version 5): pads and drones on GM programs neither third used, slow-attack ones
    among them (choir aahs, voice oohs, new-age, bowed and halo pads, tremolo strings), in in-sample keys. Rendered after
    every other pitched loop of their batch, so those renders stay the same. */
std::vector<Spec> planExtraHeld(int firstId)
{
    static const std::vector<int> padPrograms { 52, 53, 88, 92, 94, 44 }, dronePrograms { 52, 92, 44 };
    std::vector<int> inKeys;
    for (int k = 0; k < 24; ++k)
        if (!keyHeldOut(k))
            inKeys.push_back(k);
    PatternRng rng(20261208);
    std::vector<Spec> specs;
    auto add = [&](const char* kind, int program, double bpmLo, double bpmHi) {
        Spec s;
        s.loop.kind = kind;
        s.loop.role = "chords";
        s.program = program;
        s.loop.instrument = "GM " + std::to_string(program);
        const double bpm = std::round(rng.between(bpmLo, bpmHi));
        s.loop.bpm = bpm;
        s.beats = 16 * 60.0 / bpm <= 8.5 ? 16 : 8;
        s.lengthSamples = int(std::lround(s.beats * 60.0 / bpm * kRate));
        const int k = inKeys[size_t(rng.below(int(inKeys.size())))];
        s.tonic = k / 2;
        s.minor = k % 2 == 1;
        s.loop.key = std::string(kTonics[s.tonic]) + (s.minor ? " minor" : " major");
        drawFinishingTouches(s, rng);
        specs.push_back(std::move(s));
    };
    for (int i = 0; i < 12; ++i)
        add("pad", padPrograms[size_t(i) % padPrograms.size()], 60, 140);
    for (int i = 0; i < 6; ++i)
        add("drone", dronePrograms[size_t(i) % dronePrograms.size()], 60, 150);
    for (size_t i = 0; i < specs.size(); ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "il-%03d.wav", firstId + int(i));
        specs[i].loop.file = name;
    }
    return specs;
}

/** The loop from a render with its release tail: the tail past the end either folds into the start or is cut. */
juce::AudioBuffer<float> loopFromRender(const juce::AudioBuffer<float>& render, std::int64_t start, int length, bool fold)
{
    juce::AudioBuffer<float> out(2, length);
    out.clear();
    const int tail = int(kTailSeconds * kRate);
    for (int ch = 0; ch < 2; ++ch) {
        const float* src = render.getReadPointer(std::min(ch, render.getNumChannels() - 1));
        float* dst = out.getWritePointer(ch);
        for (int i = 0; i < length + (fold ? tail : 0); ++i) {
            const std::int64_t at = start + i;
            if (at < render.getNumSamples())
                dst[i % length] += src[at];
        }
    }
    return out;
}

/** Effects a producer leaves on loops: a reverb (circular: its tail rings into the start, as when looped) and a
    soft saturation. Then the peak level. */
void finish(juce::AudioBuffer<float>& audio, const Spec& s)
{
    if (s.reverb) {
        juce::Reverb reverb;
        juce::Reverb::Parameters p;
        p.roomSize = 0.75f;
        p.wetLevel = 0.25f;
        p.dryLevel = 0.85f;
        reverb.setParameters(p);
        reverb.setSampleRate(kRate);
        juce::AudioBuffer<float> pass(audio);
        reverb.processStereo(pass.getWritePointer(0), pass.getWritePointer(1), pass.getNumSamples()); // fills the tail
        pass.makeCopyOf(audio);
        reverb.processStereo(pass.getWritePointer(0), pass.getWritePointer(1), pass.getNumSamples());
        audio.makeCopyOf(pass);
    }
    const float peak = audio.getMagnitude(0, audio.getNumSamples());
    if (peak <= 0.0f)
        return;
    audio.applyGain(1.0f / peak);
    if (s.saturate)
        for (int ch = 0; ch < audio.getNumChannels(); ++ch) {
            float* v = audio.getWritePointer(ch);
            for (int i = 0; i < audio.getNumSamples(); ++i)
                v[i] = std::tanh(3.0f * v[i]);
        }
    audio.applyGain(juce::Decibels::decibelsToGain(float(s.peakDb)) / std::max(audio.getMagnitude(0, audio.getNumSamples()), 1e-9f));
}

void requireTools()
{
    if (!fs::exists(kGeneralMidiSoundFont) || !fs::is_directory(kHydrogenKits) || runCommand("fluidsynth --version").exitCode != 0)
        throw std::runtime_error("fluidsynth, fluid-soundfont-gm or hydrogen-drumkits missing: ./setup.sh installs them");
}

void generate(const std::vector<Spec>& specs, const fs::path& folder)
{
    requireTools();
    // Pitched loops: four MIDI files of slots, rendered two at a time.
    std::vector<std::vector<SynthPart>> batches(4);
    std::vector<std::pair<size_t, size_t>> slotOf(specs.size(), { SIZE_MAX, 0 });
    std::vector<double> batchEnd(batches.size(), 1.0);
    size_t pitchedCount = 0;
    for (size_t i = 0; i < specs.size(); ++i) {
        const auto& s = specs[i];
        if (s.loop.role == "drums")
            continue;
        const size_t b = pitchedCount++ % batches.size();
        PatternRng rng(s.seed);
        SynthPart part;
        part.notes = pitchedPattern(pitchedKind(s.loop.kind), s.tonic, s.minor, s.beats, rng);
        part.program = s.program;
        part.bpm = *s.loop.bpm;
        part.swing = s.swing;
        // Slots start on whole samples, so the loop's start is exact.
        part.startSeconds = std::round(batchEnd[b] * kRate) / kRate;
        part.spanSeconds = s.lengthSamples / kRate + kTailSeconds;
        batchEnd[b] = part.startSeconds + part.spanSeconds + 1.0;
        slotOf[i] = { b, batches[b].size() };
        batches[b].push_back(std::move(part));
    }
    std::string error;
    const auto renders = renderPartBatches(batches, folder, kRate, error);
    if (renders.size() != batches.size())
        throw std::runtime_error(error);

    std::map<std::string, DrumKit> kits;
    for (size_t i = 0; i < specs.size(); ++i) {
        const auto& s = specs[i];
        juce::AudioBuffer<float> audio;
        if (s.loop.role == "drums") {
            if (!kits.count(s.loop.instrument))
                kits[s.loop.instrument] = loadDrumKit(s.loop.instrument, kRate);
            PatternRng rng(s.seed);
            audio = mixDrumLoop(kits[s.loop.instrument], drumPattern(drumKind(s.loop.kind), s.beats, rng), *s.loop.bpm, s.swing,
                                s.lengthSamples, kRate);
        } else {
            const auto [b, slot] = slotOf[i];
            const auto start = std::int64_t(std::llround(batches[b][slot].startSeconds * kRate));
            audio = loopFromRender(renders[b], start, s.lengthSamples, s.foldTail);
        }
        finish(audio, s);
        writeAudioFile(folder / s.loop.file, audio, kRate, 24);
    }
    // A manifest for tools outside the test (docs/analysis-compare.sh).
    std::ofstream manifest(folder / "manifest.tsv");
    manifest << "file\tkind\trole\tbpm\tkey\tinstrument\theld_out\tnamed\n";
    for (const auto& s : specs)
        manifest << s.loop.file << '\t' << s.loop.kind << '\t' << s.loop.role << '\t' << *s.loop.bpm << '\t' << s.loop.key << '\t'
                 << s.loop.instrument << '\t' << s.loop.heldOut << '\t' << s.loop.named << '\n';
}
} // namespace

namespace {
// The extra in-sample set: more GM programs (none of the held-out third's, most not in the main set either), the
// main set's in-sample keys only, pitched classes only. Material to check rules on beyond the programs they were
// read from; it never touches the main set (its own folder, seed and names).
// 2: widened (planExtraWide): drum grooves of every kind on the in-sample kits, and bass lines, pads and leads at slow
//    and fast tempi; the version-1 loops are unchanged (drawn first, rendered first in their batches).
constexpr int kExtraGeneratorVersion = 2;

std::vector<Spec> planExtraSet()
{
    static const std::vector<ClassPlan> plans {
        { "bass8", "bass", 12, 85, 150, { 43, 58, 87, 70 }, {} },
        { "bass-staccato", "bass", 9, 80, 170, { 43, 58, 87, 70 }, {} },
        { "bass-offbeat", "bass", 9, 110, 140, { 43, 58, 87, 70 }, {} },
        { "stab", "chords", 9, 80, 170, { 2, 6, 7, 63, 29 }, {} },
        { "pad", "chords", 6, 60, 140, { 52, 51, 94, 88 }, {} },
        { "arp", "melody", 9, 70, 160, { 8, 13, 10, 105, 84 }, {} },
        { "lead", "melody", 9, 70, 170, { 66, 68, 74, 82, 64 }, {} },
    };
    PatternRng rng(20261207);
    std::vector<int> inKeys;
    for (int k = 0; k < 24; ++k)
        if (!keyHeldOut(k))
            inKeys.push_back(k);
    std::vector<Spec> specs;
    for (const auto& plan : plans)
        for (int i = 0; i < plan.count; ++i) {
            Spec s;
            s.loop.kind = std::string("+") + plan.kind; // reported apart from the main set's classes
            s.loop.role = plan.role;
            double bpm = rng.between(plan.bpmLo, plan.bpmHi);
            bpm = rng.chance(0.75) ? std::round(bpm) : std::round(bpm * 10.0) / 10.0;
            s.loop.bpm = bpm;
            s.beats = 8;
            if (8 * 60.0 / bpm > 8.5) s.beats = 4;
            if (8 * 60.0 / bpm < 2.9 && rng.chance(0.5)) s.beats = 16;
            if (std::string(plan.kind) == "pad") s.beats = 16 * 60.0 / bpm <= 8.5 ? 16 : 8;
            s.lengthSamples = int(std::lround(s.beats * 60.0 / bpm * kRate));
            s.program = plan.programs[size_t(rng.below(int(plan.programs.size())))];
            s.loop.instrument = "GM " + std::to_string(s.program);
            const int k = inKeys[size_t(rng.below(int(inKeys.size())))];
            s.tonic = k / 2;
            s.minor = k % 2 == 1;
            s.loop.key = std::string(kTonics[s.tonic]) + (s.minor ? " minor" : " major");
            s.swing = std::string(plan.kind) != "pad" && rng.chance(0.3) ? rng.between(0.55, 0.64) : 0.5;
            drawFinishingTouches(s, rng);
            char name[32];
            std::snprintf(name, sizeof name, "ix-%03d.wav", int(specs.size()));
            s.loop.file = name;
            specs.push_back(std::move(s));
        }
    return specs;
}

/** Widening (extra version 2): drum grooves of every kind on the in-sample kits, with tempi spread across each
    groove's range, straight and swung, some with reverb and saturation; and 8th-note, staccato and off-beat bass
    lines, pads and leads at slow (60-90) and fast (150-180) tempi on the version-1 programs. Its own seed, drawn after
    the version-1 loops and numbered after them, so those stay the same files. */
std::vector<Spec> planExtraWide(int firstId)
{
    struct Groove {
        const char* kind;
        double bpmLo, bpmHi;
    };
    static const std::vector<Groove> grooves { { "rock", 80, 140 },      { "four-floor", 118, 132 }, { "half-time", 130, 160 },
                                               { "breakbeat", 85, 135 }, { "dnb", 165, 180 },        { "dnb-busy", 160, 180 },
                                               { "hiphop", 66, 80 },     { "boom-bap", 72, 92 },     { "trap", 66, 80 } };
    static const std::vector<std::string> kits { "ColomboAcousticDrumkit", "ElectricEmpireKit", "The Black Pearl 1.0", "BJA_Pacific",
                                                 "ForzeeStereo", "rumpf_kit_z01_h2", "Audiophob", "Synth808" };
    static const std::vector<std::string> percussionKits { "Gimme A Hand 1.0", "ForzeeStereo", "Audiophob" };
    struct Pitched {
        const char* kind;
        const char* role;
        std::vector<int> programs;
    };
    static const std::vector<Pitched> pitched { { "bass8", "bass", { 43, 58, 87, 70 } },
                                                { "bass-staccato", "bass", { 43, 58, 87, 70 } },
                                                { "bass-offbeat", "bass", { 43, 58, 87, 70 } },
                                                { "pad", "chords", { 52, 51, 94, 88 } },
                                                { "lead", "melody", { 66, 68, 74, 82, 64 } } };
    std::vector<int> inKeys;
    for (int k = 0; k < 24; ++k)
        if (!keyHeldOut(k))
            inKeys.push_back(k);
    PatternRng rng(20261209);
    std::vector<Spec> specs;
    auto add = [&](const std::string& kind, const char* role, double bpm, bool wholeBpm) {
        Spec s;
        s.loop.kind = "+" + kind;
        s.loop.role = role;
        s.loop.bpm = wholeBpm || rng.chance(0.75) ? std::round(bpm) : std::round(bpm * 10.0) / 10.0;
        const double b = *s.loop.bpm;
        s.beats = 8;
        if (8 * 60.0 / b > 8.5) s.beats = 4;
        if (8 * 60.0 / b < 2.9 && rng.chance(0.5)) s.beats = 16;
        if (kind == "pad") s.beats = 16 * 60.0 / b <= 8.5 ? 16 : 8;
        s.lengthSamples = int(std::lround(s.beats * 60.0 / b * kRate));
        s.swing = kind != "pad" && rng.chance(0.35) ? rng.between(0.55, 0.64) : 0.5;
        s.foldTail = rng.chance(0.67);
        s.reverb = rng.chance(0.25);
        s.saturate = rng.chance(0.25);
        s.peakDb = rng.between(-12.0, -1.0);
        specs.push_back(std::move(s));
        return &specs.back();
    };
    // Drums: each groove once per kit, the kits' tempi spread over the groove's range (one slice of it each).
    for (const auto& g : grooves)
        for (size_t k = 0; k < kits.size(); ++k) {
            const double bpm = g.bpmLo + (g.bpmHi - g.bpmLo) * (double(k) + rng.between(0.0, 1.0)) / double(kits.size());
            auto* s = add(g.kind, "drums", bpm, false);
            s->loop.instrument = kits[k];
            s->loop.key = "none";
            s->seed = std::uint32_t(rng.below(1 << 30));
        }
    for (size_t k = 0; k < percussionKits.size(); ++k)
        for (int i = 0; i < 2; ++i) {
            auto* s = add("sparse-perc", "drums", rng.between(70, 150), true);
            s->loop.instrument = percussionKits[k];
            s->loop.key = "none";
            s->seed = std::uint32_t(rng.below(1 << 30));
        }
    // Pitched: four slow (60-90) and four fast (150-180) loops of each class.
    for (const auto& p : pitched)
        for (int i = 0; i < 8; ++i) {
            const double bpm = i < 4 ? rng.between(60, 90) : rng.between(150, 180);
            auto* s = add(p.kind, p.role, bpm, false);
            s->program = p.programs[size_t(rng.below(int(p.programs.size())))];
            s->loop.instrument = "GM " + std::to_string(s->program);
            const int k = inKeys[size_t(rng.below(int(inKeys.size())))];
            s->tonic = k / 2;
            s->minor = k % 2 == 1;
            s->loop.key = std::string(kTonics[s->tonic]) + (s->minor ? " minor" : " major");
            s->seed = std::uint32_t(rng.below(1 << 30));
        }
    for (size_t i = 0; i < specs.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "ix-%03d.wav", firstId + int(i));
        specs[i].loop.file = name;
    }
    return specs;
}
} // namespace

void drawFinishingTouches(InstrumentLoopSpec& s, PatternRng& rng)
{
    s.foldTail = rng.chance(0.67);
    s.reverb = rng.chance(0.2);
    s.saturate = rng.chance(0.2);
    s.peakDb = rng.between(-12.0, -1.0);
    s.seed = std::uint32_t(rng.below(1 << 30));
}

InstrumentLoopSet builtInstrumentSet(const std::vector<InstrumentLoopSpec>& specs, const std::string& folderName, int version)
{
    InstrumentLoopSet set;
    set.sampleRate = kRate;
    set.folder = fs::temp_directory_path() / folderName;
    for (const auto& s : specs)
        set.loops.push_back(s.loop);
    if (fs::exists(set.folder / "complete"))
        return set;
    const auto building = fs::path(set.folder.string() + ".building-" + std::to_string(::getpid()));
    fs::remove_all(building);
    fs::create_directories(building);
    generate(specs, building);
    std::ofstream(building / "complete") << version << '\n';
    std::error_code ec;
    fs::rename(building, set.folder, ec);
    if (ec) // another process finished first: use its copy
        fs::remove_all(building);
    return set;
}

InstrumentLoopSet extraInstrumentLoopSet()
{
    auto specs = planExtraSet();
    for (auto& wide : planExtraWide(int(specs.size())))
        specs.push_back(std::move(wide));
    return builtInstrumentSet(specs, "loopmind-instrument-extra-v" + std::to_string(kExtraGeneratorVersion), kExtraGeneratorVersion);
}

InstrumentLoopSet instrumentLoopSet()
{
    auto specs = planSet();
    for (auto& extra : planExtraDrums(int(specs.size())))
        specs.push_back(std::move(extra));
    for (auto& extra : planExtraHeld(int(specs.size())))
        specs.push_back(std::move(extra));
    return builtInstrumentSet(specs, "loopmind-instrument-set-v" + std::to_string(kGeneratorVersion), kGeneratorVersion);
}

} // namespace loopmind::test
