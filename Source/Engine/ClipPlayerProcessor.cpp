#include "Engine/ClipPlayerProcessor.h"
#include <algorithm>

namespace loopmind {

namespace {
constexpr std::int64_t noSeek = -1;
}

ClipPlayerProcessor::ClipPlayerProcessor(std::shared_ptr<const juce::AudioBuffer<float>> stereoLoop, std::vector<PlaybackSegment> segments)
    : EngineProcessor(0, 2), loop_(std::move(stereoLoop)), segments_(std::move(segments))
{
    std::sort(segments_.begin(), segments_.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    // A pass that follows another without a gap starts at the earlier pass's gain and glides to its own over the
    // fade time, so a section's gain change never steps the waveform (a sustained pad would click).
    rampFrom_.resize(segments_.size());
    for (size_t i = 0; i < segments_.size(); ++i)
        rampFrom_[i] = i > 0 && segments_[i - 1].end == segments_[i].start ? segments_[i - 1].gain : segments_[i].gain;
}

void ClipPlayerProcessor::prepareToPlay(double sampleRate, int)
{
    // A pass cut short of the loop's end fades out over 5 ms: short enough to keep the groove, long enough not to
    // click (the arranger issue asks for at least 4.5 ms).
    fadeSamples_ = std::max(16, int(sampleRate * 0.005));
}

void ClipPlayerProcessor::renderSegment(size_t index, std::int64_t blockStart, int numSamples, juce::AudioBuffer<float>& out) const
{
    const auto& s = segments_[index];
    const float from0 = rampFrom_[index];
    const bool ramp = from0 != s.gain;
    const std::int64_t loopLength = loop_->getNumSamples();
    const std::int64_t audibleEnd = std::min(s.end, s.start + loopLength);
    const std::int64_t from = std::max(blockStart, s.start);
    const std::int64_t to = std::min(blockStart + numSamples, audibleEnd);
    if (to <= from)
        return;
    const bool cut = s.end < s.start + loopLength; // the loop is stopped before its natural end
    const std::int64_t fadeStart = s.end - fadeSamples_;
    for (int c = 0; c < 2; ++c) {
        const float* src = loop_->getReadPointer(std::min(c, loop_->getNumChannels() - 1));
        float* dst = out.getWritePointer(c);
        for (std::int64_t t = from; t < to; ++t) {
            float v = src[t - s.start] * s.gain;
            if (ramp && t - s.start < fadeSamples_)
                v = src[t - s.start] * (from0 + (s.gain - from0) * float(t - s.start) / float(fadeSamples_));
            if (cut && t >= fadeStart)
                v *= float(s.end - t) / float(fadeSamples_);
            dst[t - blockStart] += v;
        }
    }
}

void ClipPlayerProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    const int numSamples = buffer.getNumSamples();
    buffer.clear();
    const auto seekTo = pendingSeek_.exchange(noSeek, std::memory_order_acq_rel);
    if (seekTo != noSeek) {
        position_ = seekTo;
        cursor_ = size_t(std::partition_point(segments_.begin(), segments_.end(), [&](const auto& s) { return s.end <= seekTo; })
                         - segments_.begin());
    }
    const std::int64_t blockEnd = position_ + numSamples;
    while (cursor_ < segments_.size() && segments_[cursor_].end <= position_)
        ++cursor_;
    for (size_t i = cursor_; i < segments_.size() && segments_[i].start < blockEnd; ++i)
        renderSegment(i, position_, numSamples, buffer);
    position_ = blockEnd;
}

} // namespace loopmind
