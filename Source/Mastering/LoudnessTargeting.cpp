#include "Mastering/LoudnessTargeting.h"
#include "Mastering/ChunkProgress.h"
#include "Mastering/TruePeakDetector.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

namespace loopmind::mastering {
namespace {
constexpr double closeEnoughLu = 0.05;
constexpr double truePeakMarginDb = 0.2;  // the limiter aims this far under the ceiling: meters' interpolators differ
constexpr double searchToleranceLu = 0.03; // well inside the verification's 0.05 LU: one limiter pass fewer than 0.01
constexpr double probeStepDb = 0.3;       // the first pass's second gain, for the slope under limiting
constexpr int maxGainPasses = 12, maxCeilingFixes = 3, maxVerifications = 3;

std::string format(const char* pattern, double a, double b = 0, double c = 0)
{
    char text[256];
    std::snprintf(text, sizeof text, pattern, a, b, c);
    return text;
}
} // namespace

Loudness renderAndMeasure(const juce::AudioBuffer<float>& prepared, double gainDb, LimiterCurve& curve, double sampleRate,
                          const ChunkWriter& write)
{
    const int n = prepared.getNumSamples(), channels = prepared.getNumChannels();
    constexpr int chunk = masterChunkSamples, slots = 8; // 8 chunks in flight: 1 MiB of stereo, whatever the song's length
    std::vector<juce::AudioBuffer<float>> ring(slots, juce::AudioBuffer<float>(channels, chunk));
    const int chunks = (n + chunk - 1) / chunk;
    ChunkProgress rendered, measured, written; // in chunks
    // Two followers of the gain stage, each on its own thread: libebur128 (integrated + LRA; its own true peak is
    // left out: its resampler is most of its cost), and our true peak with the writer. A slot is reused once both
    // have finished with it.
    Loudness m;
    double peak = 0;
    std::thread loudness([&] {
        Ebur128Meter meter(channels, sampleRate, true, true);
        for (int k = 0; k < chunks; ++k) {
            rendered.waitFor(k + 1);
            meter.add(ring[size_t(k % slots)], 0, std::min(chunk, n - k * chunk));
            measured.publish(k + 1);
        }
        m = meter.result();
    });
    std::thread peakAndWrite([&] {
        StreamingTruePeak truePeak(channels);
        for (int k = 0; k < chunks; ++k) {
            rendered.waitFor(k + 1);
            const auto& block = ring[size_t(k % slots)];
            const int count = std::min(chunk, n - k * chunk);
            truePeak.add(block, 0, count);
            if (write)
                write(block, count);
            written.publish(k + 1);
        }
        peak = truePeak.finish();
    });
    std::vector<float> gain(static_cast<size_t>(chunk));
    for (int k = 0; k < chunks; ++k) {
        if (k >= slots) { // the slot's previous chunk has been measured and written
            measured.waitFor(k - slots + 1);
            written.waitFor(k - slots + 1);
        }
        auto& block = ring[size_t(k % slots)];
        const int count = std::min(chunk, n - k * chunk);
        const bool limited = curve.next(gain.data(), count);
        MasteringChain::apply(prepared, gainDb, limited ? gain.data() : nullptr, block.getArrayOfWritePointers(), k * chunk, count);
        rendered.publish(k + 1);
    }
    loudness.join();
    peakAndWrite.join();
    m.truePeakDb.reset();
    if (peak > 0)
        m.truePeakDb = 20.0 * std::log10(peak);
    return m;
}

Loudness renderAndMeasure(const juce::AudioBuffer<float>& prepared, double gainDb, LimiterCurve& curve,
                          juce::AudioBuffer<float>& master, double sampleRate)
{
    master.setSize(prepared.getNumChannels(), prepared.getNumSamples(), false, false, true);
    int at = 0;
    return renderAndMeasure(prepared, gainDb, curve, sampleRate, [&](const juce::AudioBuffer<float>& chunk, int count) {
        for (int c = 0; c < master.getNumChannels(); ++c)
            master.copyFrom(c, at, chunk, c, 0, count);
        at += count;
    });
}

namespace {
/** One verification: to the writer when there is one, else kept whole in `audio`. */
Loudness verify(const juce::AudioBuffer<float>& prepared, double gainDb, LimiterCurve& curve, double sampleRate,
                const MasterWriter* writer, juce::AudioBuffer<float>& audio)
{
    if (writer == nullptr)
        return renderAndMeasure(prepared, gainDb, curve, audio, sampleRate);
    writer->begin();
    return renderAndMeasure(prepared, gainDb, curve, sampleRate, writer->write);
}
} // namespace

MasteredAudio masterToTarget(const MasteringChain& chain, const juce::AudioBuffer<float>& prepared, double sampleRate,
                             const DeliveryTarget& target, const std::function<bool()>& cancelled, const MasterWriter* writer)
{
    MasteredAudio result;
    auto& m = result.measurements;
    m.target = target;
    auto stop = [&] { return cancelled && cancelled(); };
    std::optional<GatedLoudness> own; // only for a chain that was never prepared
    const GatedLoudness* fast = chain.preparedLoudness();
    if (fast == nullptr)
        fast = &own.emplace(prepared, sampleRate);

    const auto preparedLufs = fast->integrated(1.0);
    double limiterCeilingDb = target.truePeakDb - truePeakMarginDb;
    if (!preparedLufs) {
        m.warnings.push_back("the mix is silent (no loudness to measure): no gain applied, target not reached");
        auto curve = chain.limiterCurve(0.0, limiterCeilingDb);
        m.measured = verify(prepared, 0.0, curve, sampleRate, writer, result.audio);
        m.limiter = curve.statistics();
        m.passes = m.verifications = 1;
        return result;
    }

    bool quietCap = false, limitCap = false;
    for (int fix = 0; fix < maxCeilingFixes; ++fix) {
        // The most gain that keeps the limiter within maxLimitingDb at the loudest peak, and the absolute cap.
        const double peakDb = chain.preparedTruePeak() > 0 ? 20.0 * std::log10(chain.preparedTruePeak()) : -200.0;
        const double limitGainCap = limiterCeilingDb + maxLimitingDb - peakDb;
        const double cap = std::min(maxMasterGainDb, limitGainCap);
        double gain = std::min(target.lufs - *preparedLufs, cap);
        double offset = 0; // libebur128 minus the fast estimate, learnt from a verification
        for (int verification = 0; verification < maxVerifications; ++verification) {
            double previousGain = 0, previousLufs = 0, estimate = -200.0;
            bool havePrevious = false;
            quietCap = limitCap = false;
            auto estimateAt = [&](double g) { // fast loudness of the master at gain g
                auto curve = chain.limiterCurve(g, limiterCeilingDb);
                return fast->integrated(std::pow(10.0, g / 20.0), curve).value_or(-200.0);
            };
            for (int pass = 0; pass < maxGainPasses; ++pass) {
                if (stop())
                    return {};
                if (pass == 0 && verification == 0 && peakDb + gain > limiterCeilingDb && gain + probeStepDb <= cap) {
                    // Limiting makes loudness grow slower than gain: the first pass also measures a gain a little higher,
                    // on the idle core, so the secant's slope is known after one pass instead of two.
                    double probeEstimate = 0;
                    std::thread probe([&] { probeEstimate = estimateAt(gain + probeStepDb); });
                    estimate = estimateAt(gain);
                    probe.join();
                    m.passes += 2;
                    previousGain = gain + probeStepDb;
                    previousLufs = probeEstimate + offset;
                    havePrevious = true;
                    if (std::abs(target.lufs - previousLufs) < std::abs(target.lufs - (estimate + offset))) { // go on from the closer
                        std::swap(gain, previousGain);
                        previousLufs = estimate + offset;
                        estimate = probeEstimate;
                    }
                } else {
                    estimate = estimateAt(gain);
                    ++m.passes;
                }
                const double lufs = estimate + offset;
                m.gainDb = gain;
                const double error = target.lufs - lufs;
                if (std::abs(error) <= searchToleranceLu)
                    break;
                if (error > 0 && gain >= cap - 1e-9) {
                    (cap == maxMasterGainDb ? quietCap : limitCap) = true;
                    break;
                }
                // Secant step on loudness(gain): slope 1 without limiting, less as the limiter works harder.
                double slope = 1.0;
                if (havePrevious && std::abs(gain - previousGain) > 1e-6)
                    slope = std::clamp((lufs - previousLufs) / (gain - previousGain), 0.2, 1.0);
                previousGain = gain;
                previousLufs = lufs;
                havePrevious = true;
                const double next = std::min(gain + error / slope, cap);
                if (std::abs(next - gain) < 0.0005 || pass + 1 == maxGainPasses)
                    break; // the estimate in hand belongs to `gain`: keep them together
                gain = next;
            }
            if (stop())
                return {};
            auto curve = chain.limiterCurve(gain, limiterCeilingDb);
            m.measured = verify(prepared, gain, curve, sampleRate, writer, result.audio);
            m.limiter = curve.statistics();
            ++m.verifications;
            const double measured = m.measured.integratedLufs.value_or(-200.0);
            if (std::abs(target.lufs - measured) <= closeEnoughLu || quietCap || limitCap)
                break;
            offset = measured - estimate;
        }
        // The reference meter's interpolator may see a little more than ours: tighten and go again.
        if (!m.measured.truePeakDb || *m.measured.truePeakDb <= target.truePeakDb - 0.05)
            break;
        limiterCeilingDb -= *m.measured.truePeakDb - (target.truePeakDb - 0.1);
    }

    const double reached = m.measured.integratedLufs.value_or(-200.0);
    if (quietCap)
        m.warnings.push_back(format("the mix is very quiet (%.1f LUFS before mastering): gain capped at +%.0f dB, so the master is "
                                    "%.1f LUFS instead of the target",
                                    *preparedLufs, maxMasterGainDb, reached));
    else if (limitCap)
        m.warnings.push_back(format("target %.1f LUFS not reached without heavy limiting: the master is %.1f LUFS with peaks "
                                    "already reduced by %.1f dB; louder would distort (choose a lower target)",
                                    target.lufs, reached, m.limiter.maxReductionDb));
    else if (std::abs(reached - target.lufs) > 0.2)
        m.warnings.push_back(format("the master landed at %.2f LUFS, %.2f LU from the target %.1f", reached, reached - target.lufs,
                                    target.lufs));
    if (m.measured.truePeakDb && *m.measured.truePeakDb > target.truePeakDb)
        m.warnings.push_back(format("true peak %.2f dBTP is above the ceiling %.1f dBTP", *m.measured.truePeakDb, target.truePeakDb));
    return result;
}

} // namespace loopmind::mastering
