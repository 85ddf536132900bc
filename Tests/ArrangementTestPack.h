#pragma once
// Shared by the Arrangement*Tests: a synthetic analysed pack at any tempo, and the measures the tests assert on.
#include "Arrangement/AIArrangementEngine.h"
#include "Arrangement/LayerGrid.h"
#include "Library/LoopAnalyser.h"
#include <filesystem>
#include <algorithm>
#include <map>
#include <set>

namespace loopmind::test {

inline LoopInfo packLoop(const std::string& name, const std::string& role, double bpm, int beats, std::optional<std::string> key,
                         double lufs = -10.0)
{
    LoopInfo l;
    l.path = "/pack/" + name;
    l.ok = true;
    l.role = role;
    l.bpm = bpm;
    l.durationSeconds = beats * 60.0 / bpm;
    l.sampleRate = 44100;
    l.channels = 2;
    l.key = std::move(key);
    l.lufs = lufs;
    return l;
}

/** Eleven loops, every role, two or three per role, in A minor and related keys. */
inline std::vector<LoopInfo> richPack(double bpm)
{
    return { packLoop("kick.wav", "drums", bpm, 4, "none", -8), packLoop("hats.wav", "drums", bpm, 8, "none", -14),
             packLoop("perc.wav", "drums", bpm, 16, "none", -12), packLoop("bass a.wav", "bass", bpm, 16, "A minor", -10),
             packLoop("bass c.wav", "bass", bpm, 8, "C major", -11), packLoop("pad.wav", "chords", bpm, 16, "A minor", -15),
             packLoop("stabs.wav", "chords", bpm, 8, "E minor", -12), packLoop("lead.wav", "melody", bpm, 16, "A minor", -11),
             packLoop("pluck.wav", "melody", bpm, 8, "C major", -13), packLoop("riser.wav", "fx", bpm, 8, "none", -13),
             packLoop("vox.wav", "vocal", bpm, 16, "A minor", -12) };
}

/** The grid a written arrangement plays: [track][bar] = "on" or empty. */
inline LayerGrid gridOf(const Arrangement& a)
{
    LayerGrid g(int(a.tracks.size()), a.totalBars());
    for (size_t t = 0; t < a.tracks.size(); ++t)
        for (const auto& c : a.tracks[t].clips)
            for (int b = c.startBar; b < c.startBar + c.bars; ++b)
                g.set(int(t), b, "on");
    return g;
}

/** Fraction of track x bar cells that differ: a cell is the loop a named track plays in a bar (or nothing). */
inline double differingCells(const Arrangement& x, const Arrangement& y)
{
    std::set<std::string> names;
    for (const auto* a : { &x, &y })
        for (const auto& t : a->tracks) names.insert(t.name);
    const int bars = std::max(x.totalBars(), y.totalBars());
    auto cell = [](const Arrangement& a, const std::string& name, int bar) -> std::string {
        for (const auto& t : a.tracks)
            if (t.name == name)
                for (const auto& c : t.clips)
                    if (bar >= c.startBar && bar < c.startBar + c.bars) return t.loopPath.string();
        return {};
    };
    int differ = 0;
    for (const auto& n : names)
        for (int b = 0; b < bars; ++b)
            differ += cell(x, n, b) != cell(y, n, b);
    return names.empty() || bars == 0 ? 0.0 : double(differ) / double(names.size() * size_t(bars));
}

/** A demo pack folder under LOOPMIND_DEMO_LOOPS_DIR, analysed once per test run. */
inline const std::vector<LoopInfo>& analysedDemoPack(const std::string& folder)
{
    static std::map<std::string, std::vector<LoopInfo>> cache;
    auto& loops = cache[folder];
    if (loops.empty()) {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(LOOPMIND_DEMO_LOOPS_DIR) / folder))
            if (e.path().extension() == ".wav") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        JobControl control;
        loops = analyseLoopFiles(files, 2, control);
    }
    return loops;
}

inline std::string sectionOrder(const Arrangement& a)
{
    std::string s;
    for (const auto& sec : a.sections) s += sec.name + " ";
    return s;
}

inline int layersAt(const Arrangement& a, int bar)
{
    int n = 0;
    for (const auto& t : a.tracks)
        for (const auto& c : t.clips)
            n += bar >= c.startBar && bar < c.startBar + c.bars;
    return n;
}

} // namespace loopmind::test
