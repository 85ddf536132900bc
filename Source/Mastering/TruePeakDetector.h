#pragma once
// True peak at 4x oversampling (ITU-R BS.1770 Annex 2 style): a polyphase windowed-sinc interpolator,
// 16 taps per phase, evaluated block by block with the loop over samples innermost (so it vectorises
// without reordering any sum: results are the same on every run and every x86-64 machine).
//  - truePeakEnvelope: per sample, the largest magnitude across channels of the sample itself and of the
//    interpolated points on either side of it. The limiter reads it; it scales linearly with gain, so
//    it is computed once per master.
//  - truePeak: only the largest value of that envelope, for verifying a finished master. A block is
//    interpolated only where it could beat the peak found so far (|interpolated| <= sum |taps| x the
//    block's largest sample), which skips most of a quiet or evenly limited programme exactly.
//  - TruePeakEnvelope: the envelope, interpolated block by block only where a threshold asks for it.
#include <juce_audio_basics/juce_audio_basics.h>
#include <shared_mutex>
#include <vector>

namespace loopmind::mastering {

constexpr int truePeakOversampling = 4;

std::vector<float> truePeakEnvelope(const juce::AudioBuffer<float>& audio);

/** Largest 4x-oversampled magnitude over all channels (linear; 0 for silence); channels in parallel or not. */
double truePeak(const juce::AudioBuffer<float>& audio, bool channelsInParallel = true);

/** truePeak of audio given chunk by chunk, in order: the same value as truePeak of the whole (every interpolated
    point sees the same samples, summed in the same order), holding only a few samples per channel. */
class StreamingTruePeak {
public:
    explicit StreamingTruePeak(int channels);
    void add(const juce::AudioBuffer<float>& audio, int start, int count);
    /** The largest magnitude of everything added (linear); call once, after the last add. */
    double finish();

private:
    void interpolateUpTo(size_t channel, std::int64_t end); // points between x[i] and x[i + 1] for i < end
    struct Channel {
        std::vector<float> history; // samples from global index `first` on
        std::int64_t first = 0, done = 0; // done: points before this are measured
    };
    std::vector<Channel> channels_;
    std::int64_t total_ = 0;
    float best_ = 0;
};

/** truePeakEnvelope computed only where it matters: a block of samples is interpolated only when a
    threshold below its bound (sum |taps| x its largest nearby sample) is asked for; until then its values
    hold that bound. After refine(t), every value above t is exact and every other one is <= t, which is
    all the limiter needs (it only acts above ceiling / gain): its curve is the same as from the full
    envelope. Thread-safe: refine and peak lock exclusively, read shares. The audio must outlive it, unchanged. */
class TruePeakEnvelope {
public:
    explicit TruePeakEnvelope(const juce::AudioBuffer<float>& audio);

    void refine(double threshold);
    /** The exact largest value (the audio's true peak), refining only what could hold it. */
    double peak();
    /** Calls use(values) with the values held steady (no refinement meanwhile). */
    template <typename Use>
    void read(Use&& use) const
    {
        std::shared_lock<std::shared_mutex> lock(mutex_);
        use(values_);
    }

private:
    void refineLocked(double threshold);
    const juce::AudioBuffer<float>& audio_;
    std::vector<float> values_, bounds_, samplePeaks_; // per sample; per block; per block
    std::vector<char> exact_;                          // per block
    double exactAbove_ = 1e300;                        // every value above this is exact (the lowest threshold refined)
    mutable std::shared_mutex mutex_;
};

} // namespace loopmind::mastering
