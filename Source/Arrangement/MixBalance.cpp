#include "Arrangement/MixBalance.h"
#include "Arrangement/NumberText.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
constexpr double assumedLoopLufs = -10.0; // a loop normalised near 0 dBFS
constexpr double busHeadroomDb = 6.0;
constexpr double minGainDb = -30.0, maxGainDb = 6.0;

std::string dB(double v) { return fixedText(v, 1); }
} // namespace

double roleTargetLufs(const std::string& role)
{
    // Relative levels of a typical club/pop balance: the anchors first, the harmony 3-4 dB under, fx well under.
    double level = -13.0;
    if (role == "drums") level = -10.0;
    else if (role == "bass") level = -11.0;
    else if (role == "vocal") level = -12.0;
    else if (role == "chords") level = -14.0;
    else if (role == "melody") level = -14.5;
    else if (role == "fx") level = -18.0;
    return level - busHeadroomDb;
}

BalancedGain balanceTrack(const LoopInfo& loop, const std::string& role)
{
    const double target = roleTargetLufs(role);
    const bool measured = loop.lufs && std::isfinite(*loop.lufs) && *loop.lufs > -70.0;
    const double loudness = measured ? *loop.lufs : assumedLoopLufs;
    const double raw = target - loudness;
    BalancedGain g;
    g.gainDb = std::round(std::clamp(raw, minGainDb, maxGainDb) * 10.0) / 10.0;
    g.reason = role + " sits at " + dB(target) + " LUFS on the bus (" + dB(busHeadroomDb) + " dB headroom included); loop "
               + (measured ? "measures " + dB(loudness) + " LUFS" : "loudness not measured, assumed " + dB(loudness) + " LUFS")
               + " -> " + dB(g.gainDb) + " dB" + (raw != g.gainDb && std::abs(raw - g.gainDb) > 0.05 ? " (limited to " + dB(minGainDb) + ".." + dB(maxGainDb) + " dB)" : "");
    return g;
}

} // namespace loopmind
