#pragma once
// Offline loudness targeting: the gain search (set gain, limit, measure, secant step) runs on
// GatedLoudness, which measures a candidate from the prepared programme's K-weighted step energies
// instead of from audio; the chosen master is then rendered once, chunk by chunk, and measured: integrated loudness
// and LRA by libebur128, true peak by our 4x detector (cross-checked against libebur128's and ffmpeg's in tests). If libebur128 disagrees by more than a twentieth of a LU, the search runs
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
constexpr int masterChunkSamples = 1 << 14; // a verified master is rendered, measured and written this much at a time

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
    juce::AudioBuffer<float> audio; // the master, unless a MasterWriter took it chunk by chunk (then empty)
};

using ChunkWriter = std::function<void(const juce::AudioBuffer<float>& chunk, int numSamples)>;

/** Takes candidate masters chunk by chunk, in order, on the verifying thread, while libebur128 measures them.
    begin() starts a candidate; the last candidate begun is the delivered master. */
struct MasterWriter {
    std::function<void()> begin;
    ChunkWriter write;
};

/** The master = prepared x gain x curve (read from its start; afterwards its statistics cover the master), rendered a
    chunk at a time and measured as delivered: integrated loudness and LRA by libebur128 and true peak by
    StreamingTruePeak (4x), both on threads that follow the gain stage, the second handing each chunk to `write` (if
    given). Holds a few chunks, never the whole master. */
Loudness renderAndMeasure(const juce::AudioBuffer<float>& prepared, double gainDb, LimiterCurve& curve, double sampleRate,
                          const ChunkWriter& write);
/** The same, keeping the whole master in `master` (tests and the bench look at it). */
Loudness renderAndMeasure(const juce::AudioBuffer<float>& prepared, double gainDb, LimiterCurve& curve,
                          juce::AudioBuffer<float>& master, double sampleRate);

/** `prepared` has been through chain.prepare(). cancelled() is polled between passes (then audio is empty).
    The gain search measures candidates with the chain's GatedLoudness of `prepared` (shared between targets and
    threads). With a writer, every verified candidate goes to it and the result holds no audio. */
MasteredAudio masterToTarget(const MasteringChain& chain, const juce::AudioBuffer<float>& prepared, double sampleRate,
                             const DeliveryTarget& target, const std::function<bool()>& cancelled = {},
                             const MasterWriter* writer = nullptr);

} // namespace loopmind::mastering
