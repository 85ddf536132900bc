#pragma once
// Loudness of the premaster (integrated + LRA) and of every track (StreamingLoudness),
// and when mastering the premaster's first chain stage (high-pass, band energies), all on a thread of its own while the render goes on: the render thread copies each block into a
// free slot of a small ring (tens of kilobytes) and moves on. Every block is measured, in order, so the
// figures do not depend on timing. This is the offline renderer's thread, not the audio thread: waiting
// on a mutex here is fine.
// Every delivered file is measured by libebur128: an unmastered premaster is the delivered mix, so libebur128
// measures it here; when mastering, the premaster is an intermediate (the masters are verified by libebur128
// later) and StreamingLoudness, held to libebur128 within 0.01 LU by tests at a ninth of its cost, measures it.
#include "Mastering/Ebur128Meter.h"
#include "Mastering/StreamingLoudness.h"
#include "Render/MasterDelivery.h"
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace loopmind {

class RenderMeters {
public:
    /** premaster: when mastering, the mix blocks also go there (high-passed by it, on the meter thread). */
    RenderMeters(size_t tracks, double sampleRate, int maxBlockSize, PremasterBuffer* premaster);
    ~RenderMeters();
    RenderMeters(const RenderMeters&) = delete;
    RenderMeters& operator=(const RenderMeters&) = delete;

    /** Hands over n samples of the mix and of each track (stereo); waits only when the ring is full. */
    void add(const juce::AudioBuffer<float>& mix, const std::vector<const juce::AudioBuffer<float>*>& tracks, int n);

    /** Waits until every block handed over is measured, then stops the thread. Call once, before the results. */
    void finish();
    mastering::Loudness premaster() const;
    std::optional<double> trackLufs(size_t track) const { return tracks_[track].integratedLufs(); }

private:
    void measureLoop();

    static constexpr size_t ringSize = 64; // blocks in flight: absorbs scheduling jitter between the two threads
    PremasterBuffer* premasterAudio_;
    std::optional<mastering::Ebur128Meter> deliveredMix_; // unmastered: the premaster is the delivered mix
    mastering::StreamingLoudness premaster_;              // mastered: the premaster is an intermediate
    std::vector<mastering::StreamingLoudness> tracks_;
    std::vector<juce::AudioBuffer<float>> ring_; // per slot: mix (channels 0, 1) then each track's pair
    std::vector<int> lengths_;
    size_t head_ = 0, count_ = 0;
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread thread_;
};

} // namespace loopmind
