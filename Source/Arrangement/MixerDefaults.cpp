#include "Arrangement/MixerDefaults.h"
#include <algorithm>

namespace loopmind {

namespace {
constexpr int reverbReturn = 0, delayReturn = 1;

struct RoleMix {
    const char* role;
    double lowCutHz;   // 0: none (the low end belongs to this role)
    double reverbDb;   // send level, post-fader; below -100: none
    double delayDb;
};

// Post-fader sends, so a track's space follows its fader. Drums and bass stay dry and centred in the low end:
// reverb on them muddies the kick and the bass line before anything else.
constexpr RoleMix roleMixes[] = {
    { "drums", 0, -120, -120 },
    { "bass", 0, -120, -120 },
    { "chords", 120, -17, -120 },
    { "melody", 150, -16, -22 },
    { "vocal", 120, -18, -22 },
    { "fx", 200, -12, -18 },
};

const RoleMix* mixOf(const std::string& role)
{
    for (const auto& m : roleMixes)
        if (role == m.role)
            return &m;
    return nullptr;
}

MixerBus reverbBus()
{
    MixerBus b;
    b.name = "reverb";
    b.reason = "a short shared room for chords, melody, vocal and fx (post-fader sends): 100 % wet, 20 ms pre-delay keeps attacks clear, a small size keeps tails from washing into quieter sections";
    b.strip.inserts = { { "reverb", { { "mix", 100 }, { "size", 40 }, { "damping", 55 }, { "pre_delay", 20 } }, false, {}, {} },
                        { "eq", { { "hp_on", 1 }, { "hp_freq", 250 }, { "lp_on", 1 }, { "lp_freq", 9000 } }, false, {},
                          "the room's lows and highs cut, so it widens without clouding the bass or hissing" } };
    return b;
}

MixerBus delayBus()
{
    MixerBus b;
    b.name = "delay";
    b.reason = "dotted-1/8 echoes in time with the song for melody, vocal and fx; ping-pong spreads them, dark feedback keeps them behind";
    b.strip.inserts = { { "delay", { { "mix", 100 }, { "sync", 1 }, { "note", 1 }, { "feel", 1 }, { "feedback", 30 }, { "ping_pong", 1 }, { "high_cut", 5000 } },
                          false, {}, {} },
                        { "eq", { { "hp_on", 1 }, { "hp_freq", 300 } }, false, {}, "echoes without low end" } };
    return b;
}

MixerBus drumBus()
{
    MixerBus b;
    b.name = "drums";
    b.reason = "the drum loops share a bus";
    b.strip.inserts = { { "compressor", { { "threshold", -6 }, { "ratio", 2 }, { "attack", 10 }, { "release", 120 }, { "knee", 6 } }, false, {},
                          "glue: 2:1 above -6 dBFS with a soft knee, so only the loudest hits are touched (a deeper setting "
                          "flattens the lift of a drop over the break); the 10 ms attack lets each transient through" } };
    return b;
}
} // namespace

void applyMixerDefaults(Arrangement& a)
{
    a.mixer = {};
    const bool anyDrums = std::any_of(a.tracks.begin(), a.tracks.end(), [](const auto& t) { return t.role == "drums"; });
    bool wantsReverb = false, wantsDelay = false;
    for (const auto& t : a.tracks)
        if (const auto* m = mixOf(t.role)) {
            wantsReverb = wantsReverb || m->reverbDb > -100;
            wantsDelay = wantsDelay || m->delayDb > -100;
        }
    if (wantsReverb || wantsDelay) // both or neither: send indices stay fixed (reverb 0, delay 1)
        a.mixer.returns = { reverbBus(), delayBus() };
    if (anyDrums)
        a.mixer.groups = { drumBus() };

    for (auto& t : a.tracks) {
        auto& s = t.strip;
        s.inserts.clear();
        s.sends.clear();
        s.output.clear();
        const auto* m = mixOf(t.role);
        if (m == nullptr)
            continue;
        if (m->lowCutHz > 0)
            s.inserts.push_back({ "eq", { { "hp_on", 1 }, { "hp_freq", m->lowCutHz }, { "hp_slope", 0 } }, false, {},
                                  "low-cut at " + std::to_string(int(m->lowCutHz)) + " Hz (12 dB/oct) leaves the low end to the bass and the kick" });
        if (m->reverbDb > -100)
            s.sends.push_back({ reverbReturn, m->reverbDb, false });
        if (m->delayDb > -100)
            s.sends.push_back({ delayReturn, m->delayDb, false });
        if (t.role == "drums")
            s.output = "drums";
    }
}

} // namespace loopmind
