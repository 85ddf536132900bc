#include "Analysis/DrumPattern.h"
#include <algorithm>
#include <cmath>
#include <utility>

namespace loopmind::analysis::detail {

float envelopeAt(const std::vector<float>& e, double x)
{
    const int n = int(e.size());
    const double wrapped = x - n * std::floor(x / n);
    const int i0 = std::min(int(wrapped), n - 1);
    const double frac = wrapped - i0;
    return float((1.0 - frac) * e[size_t(i0)] + frac * e[size_t((i0 + 1) % n)]);
}

float strongestNear(const std::vector<float>& e, double x, double tolerance)
{
    float best = envelopeAt(e, x);
    for (double d = 1.0; d <= tolerance; d += 1.0)
        best = std::max({ best, envelopeAt(e, x - d), envelopeAt(e, x + d) });
    return best;
}

double beatPhase(const std::vector<float>& e, int beats)
{
    const double period = double(e.size()) / beats;
    const int phases = std::clamp(int(std::lround(period)), 8, 128);
    int bestPhase = 0;
    double bestSum = -1.0;
    for (int j = 0; j < phases; ++j) {
        double sum = 0.0;
        for (int i = 0; i < beats; ++i)
            sum += envelopeAt(e, (i + double(j) / phases) * period);
        if (sum > bestSum) {
            bestSum = sum;
            bestPhase = j;
        }
    }
    return double(bestPhase) / phases * period;
}

float lowerQuantile(const std::vector<float>& v, double q)
{
    if (v.empty())
        return 0.0f;
    std::vector<float> sorted(v);
    const auto k = std::min(sorted.size() - 1, size_t(q * double(sorted.size())));
    std::nth_element(sorted.begin(), sorted.begin() + long(k), sorted.end());
    return sorted[k];
}

namespace {
/** Strength of the kicks (position within the beat 0..1, strength) more than a fifth of a 16th from every 16th of
    the grid, under the 8th-note swing that fits them best. A groove swings as a whole: at swing s its "and" moves to
    s and its 16ths to s/2 and (1 + s)/2 (55-66 % swing moves them by up to 0.07 of a beat, past the straight
    grid's tolerance). A swung-16th groove at double the tempo delays its odd 32nds here instead, which no 8th-note
    swing reaches (the nearest, 0.375 against at most 0.33, stays off). */
double offSwungSixteenths(const std::vector<std::pair<double, double>>& kicks)
{
    constexpr double kTolerance = 0.05; // a fifth of a 16th, in beats
    double best = -1.0;
    for (int percent = 50; percent <= 66; percent += 2) {
        const double s = percent / 100.0;
        const double grid[] = { 0.0, 0.5 * s, s, 0.5 * (1.0 + s), 1.0 };
        double off = 0.0;
        for (const auto& [position, strength] : kicks) {
            double nearest = 1.0;
            for (double g : grid)
                nearest = std::min(nearest, std::abs(position - g));
            off += nearest > kTolerance ? strength : 0.0;
        }
        best = best < 0.0 ? off : std::min(best, off);
    }
    return std::max(best, 0.0);
}
} // namespace

KickPlacement placeKicks(const std::vector<float>& low, double framesPerSecond, int beats, double phase)
{
    const int n = int(low.size());
    const double thirtySecond = double(n) / beats / 8.0;
    if (n < 8 || thirtySecond < 2.5)
        return {}; // too fast to place onsets at 32nd resolution
    const float floor = lowerQuantile(low, 0.5);
    const float top = *std::max_element(low.begin(), low.end());
    const float threshold = floor + 0.3f * (top - floor);
    const int radius = std::max(1, int(std::lround(0.05 * framesPerSecond)));
    // Each kick's position within the beat (0..1) and strength, for the swing-aware 16th test below.
    std::vector<std::pair<double, double>> kicks;
    double odd = 0.0, all = 0.0;
    for (int i = 0; i < n; ++i) {
        const float v = low[size_t(i)];
        if (v <= threshold)
            continue;
        bool isPeak = true;
        for (int d = -radius; d <= radius && isPeak; ++d)
            if (d != 0) {
                const float w = low[size_t(((i + d) % n + n) % n)];
                isPeak = d < 0 ? w < v : w <= v;
            }
        if (!isPeak)
            continue;
        // Sub-frame position from a parabola through the peak and its neighbours.
        const float a = low[size_t((i + n - 1) % n)], c = low[size_t((i + 1) % n)];
        const float curvature = a - 2.0f * v + c;
        const double x = i + (curvature < 0.0f ? std::clamp(0.5 * double(a - c) / double(curvature), -0.5, 0.5) : 0.0);
        double u = (x - phase) / thirtySecond;
        u -= 8.0 * std::floor(u / 8.0); // position within the beat, in 32nds (0..8)
        const double strength = v - floor;
        all += strength;
        // Odd 32nds 1, 3 and 7; not 5, where swung 8ths (58-62 %) land.
        const bool oddThirtySecond = std::abs(u - 1.0) <= 0.2 || std::abs(u - 3.0) <= 0.2 || std::abs(u - 7.0) <= 0.2;
        odd += oddThirtySecond ? strength : 0.0;
        kicks.emplace_back(u / 8.0, strength);
    }
    KickPlacement placement;
    if (all > 0.0) {
        placement.onOddThirtySeconds = odd / all;
        placement.offSixteenths = offSwungSixteenths(kicks) / all;
    }
    return placement;
}

bool backbeatOnOffBeats(const OnsetEnvelope& env, int beats, double phase)
{
    const double period = double(env.values.size()) / beats;
    const double tolerance = std::max(1.0, 0.04 * period);
    const float lowFloor = lowerQuantile(env.low, 0.5), midFloor = lowerQuantile(env.mid, 0.5);
    double low[2] = { 0.0, 0.0 }, mid[2] = { 0.0, 0.0 };
    for (int i = 0; i < beats; ++i)
        for (int side = 0; side < 2; ++side) {
            const double x = phase + (i + 0.5 * side) * period;
            low[side] += std::max(0.0f, strongestNear(env.low, x, tolerance) - lowFloor);
            mid[side] += std::max(0.0f, strongestNear(env.mid, x, tolerance) - midFloor);
        }
    const int kick = low[0] >= low[1] ? 0 : 1, snare = 1 - kick;
    return beats >= 2 && low[kick] > 1e-6 && low[kick] >= 2.0 * low[snare] && mid[snare] >= 1.3 * mid[kick];
}

// Doubled, a hip-hop backbeat at 70 is a half-time feel at 140 with its kicks on 8th notes only; the caller decides.
bool backbeatOnBeats(const OnsetEnvelope& env, int beats, double phase)
{
    if (beats < 2 || beats % 2 != 0)
        return false;
    const double period = double(env.values.size()) / beats;
    const double tolerance = std::max(1.0, 0.04 * period);
    const float lowFloor = lowerQuantile(env.low, 0.5), midFloor = lowerQuantile(env.mid, 0.5);
    double low[2] = { 0.0, 0.0 }, mid[2] = { 0.0, 0.0 };
    std::vector<double> crack(static_cast<size_t>(beats));
    for (int i = 0; i < beats; ++i) {
        const double x = phase + i * period;
        crack[size_t(i)] = std::max(0.0f, strongestNear(env.mid, x, tolerance) - midFloor);
        low[i % 2] += std::max(0.0f, strongestNear(env.low, x, tolerance) - lowFloor);
        mid[i % 2] += crack[size_t(i)];
    }
    const int kick = low[0] >= low[1] ? 0 : 1, snare = 1 - kick;
    if (!(low[kick] > 1e-6 && low[kick] >= 1.3 * low[snare] && mid[snare] > mid[kick]))
        return false;
    // Kick against snare by the kit's own balance, not by fixed band levels: the snare side is brighter (more crack for
    // its low end) than the kick side, twice as bright at least. A close-miked acoustic kick's beater click reaches
    // 1-5 kHz nearly as loud as its snare's crack, and its snare rings below 150 Hz; the balance still tells them apart.
    const double kickBrightness = mid[kick] / low[kick], snareBrightness = mid[snare] / std::max(low[snare], 1e-6);
    if (snareBrightness < 2.0 * kickBrightness)
        return false;
    // Every backbeat is one of the loop's loudest cracks: hats or a kick's click on every other beat are no backbeat
    // when the loudest crack (the real snare) sits elsewhere, on the "and"s of a faster groove read at half.
    const float loudestCrack = *std::max_element(env.mid.begin(), env.mid.end()) - midFloor;
    for (int i = snare; i < beats; i += 2)
        if (crack[size_t(i)] < 0.5 * loudestCrack)
            return false;
    return true;
}

bool snareOnEveryOtherBeat(const OnsetEnvelope& env, int beats, double phase)
{
    if (beats < 4 || beats % 2 != 0 || env.mid.empty() || env.low.empty())
        return false;
    const double period = double(env.mid.size()) / beats;
    const double tolerance = std::max(1.0, 0.04 * period);
    const float midFloor = lowerQuantile(env.mid, 0.5), lowFloor = lowerQuantile(env.low, 0.5);
    std::vector<double> crack(static_cast<size_t>(beats)), low(static_cast<size_t>(beats));
    double loudestCrack = 0.0, loudestLow = 0.0;
    for (int i = 0; i < beats; ++i) {
        const double x = phase + i * period;
        crack[size_t(i)] = std::max(0.0f, strongestNear(env.mid, x, tolerance) - midFloor);
        low[size_t(i)] = std::max(0.0f, strongestNear(env.low, x, tolerance) - lowFloor);
        loudestCrack = std::max(loudestCrack, crack[size_t(i)]);
        loudestLow = std::max(loudestLow, low[size_t(i)]);
    }
    if (loudestCrack <= 1e-6)
        return false;
    // A kick is the loudest thing below 150 Hz; its beater's click also reaches 1-5 kHz, so its crack is no snare's.
    // A snare whose body rings below 150 Hz (a fat acoustic or electronic snare) can reach half the kick's low end too;
    // it is still far brighter for its low end than the kick, so a hit twice as bright as the loudest kick is no kick.
    int loudestKick = 0;
    for (int i = 1; i < beats; ++i)
        loudestKick = low[size_t(i)] > low[size_t(loudestKick)] ? i : loudestKick;
    const double kickBrightness = crack[size_t(loudestKick)] / std::max(low[size_t(loudestKick)], 1e-6);
    auto kick = [&](int i) {
        return low[size_t(i)] >= 0.5 * loudestLow && crack[size_t(i)] < 2.0 * kickBrightness * low[size_t(i)];
    };
    auto snare = [&](int i) { return !kick(i) && crack[size_t(i)] >= 0.5 * loudestCrack; };
    for (int parity = 0; parity < 2; ++parity) {
        // Every beat of one parity is a snare (one drum played regularly, not a snare every fourth beat with kicks
        // or hats between, as a hip-hop groove or a rock beat doubled has) ...
        bool regular = true;
        double snares = 0.0, others = 0.0;
        int otherCount = 0;
        for (int i = parity; i < beats; i += 2) {
            regular = regular && snare(i);
            snares += crack[size_t(i)];
        }
        // ... and the beats between hold kicks or little crack.
        for (int i = 1 - parity; i < beats; i += 2)
            if (!kick(i)) {
                others += crack[size_t(i)];
                ++otherCount;
            }
        // A kick on every beat between is four-on-the-floor with off-beat hats (their crack as regular as a snare's),
        // not a backbeat: drum and bass syncopates its second kick, leaving a beat between the snares without one.
        if (regular && otherCount > 0 && others / otherCount <= 0.5 * snares / (beats / 2))
            return true;
    }
    return false;
}

} // namespace loopmind::analysis::detail
