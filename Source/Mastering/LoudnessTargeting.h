#pragma once
// Offline loudness targeting: the gain search (set gain, limit, measure, secant step) runs on
// GatedLoudness, which measures a candidate from the prepared programme's stored K-weighted energy
// instead of from audio; the chosen master is then rendered once and measured: integrated loudness and
// LRA by libebur128, true peak by our 4x detector (cross-checked against libebur128's and ffmpeg's in tests). If libebur128 disagrees by more than a twentieth of a LU, the search runs
// again with that difference as an offset; if its true peak is over, the limiter tightens.
// Gain is capped so near-silence or an impossible target cannot explode: a warning says so instead.
#include "Mastering/Ebur128Meter.h"
#include "Mastering/GatedLoudness.h"
#include "Mastering/MasteringChain.h"
#include "Mastering/MasteringSettings.h"
#include <functional>
#include <string>
#include <vector>

namespace loopmind::mastering {

constexpr double maxMasterGainDb = 24.0;   // more than this lifts noise, not music
constexpr double maxLimitingDb = 12.0;     // deeper peak reduction than this audibly distorts

struct MasterMeasurements {
    DeliveryTarget target;
    Loudness measured;          // of the delivered master: integrated, true peak, LRA
    double gainDb = 0;          // applied before the limiter
    LimiterStats limiter;
    int passes = 0;             // limiter + fast measurement passes of the gain search
    int verifications = 0;      // measurements of a rendered master (renderAndMeasure)
    std::vector<std::string> warnings;
};

struct MasteredAudio {
    MasterMeasurements measurements;
    juce::AudioBuffer<float> audio;
};

/** Given each candidate master while it is verified, on the verifying thread beside libebur128 (for writing it in
    that time). It must not change the audio. The last candidate given is the delivered master. */
using WhileVerifying = std::function<void(juce::AudioBuffer<float>& candidate)>;

/** master = prepared x gain x curve, and its measurement as delivered: integrated loudness and LRA by libebur128,
    which follows the gain stage chunk by chunk on its own thread, and true peak by TruePeakDetector (4x) here;
    alongside(master), if given, runs while libebur128 finishes. */
Loudness renderAndMeasure(const juce::AudioBuffer<float>& prepared, double gainDb, const std::vector<float>& curve,
                          juce::AudioBuffer<float>& master, double sampleRate, const WhileVerifying& alongside = {});

/** `prepared` has been through chain.prepare(). cancelled() is polled between passes (then audio is empty).
    The gain search measures candidates with the chain's GatedLoudness of `prepared` (shared between targets and threads). */
MasteredAudio masterToTarget(const MasteringChain& chain, const juce::AudioBuffer<float>& prepared, double sampleRate,
                             const DeliveryTarget& target, const std::function<bool()>& cancelled = {},
                             const WhileVerifying& whileVerifying = {});

} // namespace loopmind::mastering
