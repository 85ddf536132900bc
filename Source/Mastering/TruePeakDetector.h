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
#include <atomic>
#include <memory>
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

/** truePeakEnvelope computed only where it matters, block by block as a LimiterCurve reads it, and never stored:
    a block of samples is interpolated only when the threshold asked for is below its bound (sum |taps| x its largest
    nearby sample); otherwise it reads as that bound. Values above the threshold are therefore exact and every other one
    is <= it, which is all the limiter needs (it only acts above ceiling / gain): its curve is the same as from the full
    envelope. A block once interpolated keeps its exact largest value as its bound, so later candidates skip it when
    they can. Thread-safe (several candidates read at once). The audio must outlive it, unchanged. */
class TruePeakEnvelope {
public:
    static constexpr int blockSamples = 1024;

    explicit TruePeakEnvelope(const juce::AudioBuffer<float>& audio);

    /** Reads values [start, start + count) (start a multiple of blockSamples, count <= blockSamples), exact above threshold. */
    void read(std::int64_t start, int count, double threshold, float* out) const;
    /** The exact largest value (the audio's true peak). */
    double peak() const { return peak_; }
    std::int64_t numSamples() const { return audio_.getNumSamples(); }

private:
    float exactBlock(int block, float* out) const; // returns its largest value
    const juce::AudioBuffer<float>& audio_;
    std::unique_ptr<std::atomic<float>[]> bounds_; // per block; tightened to the exact largest value once interpolated
    double peak_ = 0;
};

} // namespace loopmind::mastering
