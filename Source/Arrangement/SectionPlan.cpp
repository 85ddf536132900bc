#include "Arrangement/SectionPlan.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
struct SectionShape { const char* name; int weight; double energy; };

// Two song shapes; the seed picks one. Weights are bars in a 64-bar song.
const SectionShape shapeA[] = { { "intro", 8, 0.3 }, { "build", 8, 0.6 }, { "main", 16, 1.0 },
                                { "break", 8, 0.4 }, { "main", 16, 1.0 }, { "outro", 8, 0.3 } };
const SectionShape shapeB[] = { { "intro", 8, 0.3 }, { "main", 16, 0.9 }, { "break", 8, 0.4 },
                                { "build", 8, 0.7 }, { "main", 16, 1.0 }, { "outro", 8, 0.3 } };

bool plays(const std::string& role, int layer, const ArrangementSection& s, int mainIndex)
{
    const auto& n = s.name;
    if (role == "drums")  return layer == 0 ? n != "break" : n == "main";
    if (role == "bass")   return layer == 0 ? (n == "main" || n == "build") : (n == "main" && mainIndex > 0);
    if (role == "chords") return layer == 0 ? true : (n == "main" || n == "break");
    if (role == "melody") return layer == 0 ? (n == "main" || n == "break") : (n == "main" && mainIndex > 0);
    if (role == "vocal")  return layer == 0 && n == "main";
    return false; // fx are placed at boundaries, below
}
} // namespace

std::vector<ArrangementSection> planSections(int totalBars, DeterministicRandom& random)
{
    totalBars = std::max(totalBars, 4);
    std::vector<ArrangementSection> out;
    if (totalBars < 24) { // too short for a song shape: one main section, framed when there is room
        if (totalBars >= 12)
            out = { { "intro", 0, 4, 0.3 }, { "main", 4, totalBars - 8, 1.0 }, { "outro", totalBars - 4, 4, 0.3 } };
        else
            out = { { "main", 0, totalBars, 1.0 } };
        return out;
    }
    const bool useB = random.nextChance(0.5);
    const SectionShape* shape = useB ? shapeB : shapeA;
    int assigned = 0;
    for (int i = 0; i < 6; ++i) {
        int bars = std::max(4, int(std::lround(double(shape[i].weight) * totalBars / 64.0 / 4.0)) * 4);
        out.push_back({ shape[i].name, assigned, bars, shape[i].energy });
        assigned += bars;
    }
    // Give the difference to the last main section so the song has exactly the bars asked for.
    auto& last = out[4];
    last.bars += totalBars - assigned;
    if (last.bars < 4) { // only for tiny songs: take the shortfall from the first main section instead
        out[2].bars -= 4 - last.bars;
        last.bars = 4;
    }
    int start = 0;
    for (auto& s : out) { s.startBar = start; start += s.bars; }
    return out;
}

std::vector<ArrangementClip> placeClips(const std::vector<ArrangementSection>& sections, const std::string& role,
                                        int layer, DeterministicRandom& random)
{
    std::vector<ArrangementClip> clips;
    int mainIndex = -1;
    for (const auto& s : sections) {
        if (s.name == "main")
            ++mainIndex;
        if (role == "fx") {
            // A riser or sweep in the bars before the section that follows a build or a break.
            if (layer == 0 && (s.name == "build" || s.name == "break") && s.bars >= 4)
                clips.push_back({ s.startBar + s.bars - 2, 2 });
            continue;
        }
        if (!plays(role, layer, s, mainIndex))
            continue;
        // Seeded variation: a second layer sometimes enters half-way through a long section.
        if (layer > 0 && s.bars >= 16 && random.nextChance(0.5))
            clips.push_back({ s.startBar + s.bars / 2, s.bars - s.bars / 2 });
        else
            clips.push_back({ s.startBar, s.bars });
    }
    return clips;
}

double defaultGainDb(const std::string& role)
{
    // Rough balance until mastering measures it: drums and bass anchor, the rest sits under, and every
    // track starts 6 dB down so that a plain sum of loops normalised near 0 dBFS keeps headroom.
    if (role == "drums") return -6.0;
    if (role == "bass") return -7.0;
    if (role == "chords") return -10.0;
    if (role == "melody") return -11.0;
    if (role == "fx") return -14.0;
    return -9.0;
}

} // namespace loopmind
