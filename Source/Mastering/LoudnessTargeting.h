#pragma once
// Two-pass (and more if needed) offline loudness targeting: measure the prepared programme, set the gain,
// limit, measure the result with libebur128, correct the gain and repeat until it lands within a
// twentieth of a LU, then verify the true peak and tighten the limiter if the meter disagrees.
// Gain is capped so near-silence or an impossible target cannot explode: a warning says so instead.
#include "Mastering/Ebur128Meter.h"
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
    int passes = 0;             // limiter + measurement passes it took
    std::vector<std::string> warnings;
};

struct MasteredAudio {
    MasterMeasurements measurements;
    juce::AudioBuffer<float> audio;
};

/** `prepared` has been through chain.prepare(). cancelled() is polled between passes (then audio is empty). */
MasteredAudio masterToTarget(const MasteringChain& chain, const juce::AudioBuffer<float>& prepared, double sampleRate,
                             const DeliveryTarget& target, const std::function<bool()>& cancelled = {});

} // namespace loopmind::mastering
