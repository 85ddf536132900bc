#include "Engine/ClipPlayerProcessor.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
constexpr std::int64_t noSeek = -1;
constexpr float silentBelow = 1e-4f;    // -80 dBFS: a start or end this close to zero needs no fade
constexpr double fadeSeconds = 0.005;   // cut passes and exits (the arranger issue asks for at least 4.5 ms)
constexpr double entrySeconds = 0.002;  // entries: short, so a downbeat keeps its attack
constexpr double roundingToleranceSeconds = 0.002; // a loop this close to its pass is played whole (LoopStretch)
constexpr int warpSpread = 256;         // a warp of k samples is spread over at least 256 k: under 0.6 % speed

float raisedCosine(double x) { return float(0.5 - 0.5 * std::cos(juce::MathConstants<double>::pi * x)); }

float largestAt(const juce::AudioBuffer<float>& b, int index)
{
    float m = 0;
    for (int c = 0; c < b.getNumChannels(); ++c)
        m = std::max(m, std::abs(b.getSample(c, index)));
    return m;
}
} // namespace

ClipPlayerProcessor::ClipPlayerProcessor(std::shared_ptr<const juce::AudioBuffer<float>> stereoLoop, std::vector<PlaybackSegment> segments)
    : EngineProcessor(0, 2), loop_(std::move(stereoLoop)), segments_(std::move(segments))
{
    std::sort(segments_.begin(), segments_.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    shapes_.resize(segments_.size());
    shapePasses(48000.0);
}

void ClipPlayerProcessor::shapePasses(double sampleRate)
{
    fadeSamples_ = std::max(16, int(sampleRate * fadeSeconds));
    entryFadeSamples_ = std::max(8, int(sampleRate * entrySeconds));
    const std::int64_t n = loop_->getNumSamples();
    if (n == 0)
        return;
    const auto tolerance = std::int64_t(sampleRate * roundingToleranceSeconds) + 2;
    const bool startsAtZero = largestAt(*loop_, 0) < silentBelow;
    const bool endsAtZero = largestAt(*loop_, int(n - 1)) < silentBelow;
    bool previousRunsOn = false; // the previous pass ends exactly where this one starts, on the loop's seam
    for (size_t i = 0; i < segments_.size(); ++i) {
        const auto& s = segments_[i];
        auto& shape = shapes_[i];
        // A pass that follows another without a gap starts at the earlier pass's gain and glides to its own over
        // the fade time, so a section's gain change never steps the waveform (a sustained pad would click).
        const bool joinedBefore = i > 0 && segments_[i - 1].end == s.start;
        shape.rampFrom = joinedBefore ? segments_[i - 1].gain : s.gain;
        shape.fadeIn = !previousRunsOn && !startsAtZero;

        const std::int64_t length = s.end - s.start;
        const bool joinedAfter = i + 1 < segments_.size() && segments_[i + 1].start == s.end;
        const bool whole = std::abs(length - n) <= tolerance;
        shape.warp = 0;
        shape.warpLength = 0;
        shape.fadeOutEnd = -1;
        if (joinedAfter && whole) {
            shape.warp = int(n - length);
            if (shape.warp != 0)
                shape.warpLength = int(std::min<std::int64_t>(length / 2, std::max<std::int64_t>(fadeSamples_, std::int64_t(warpSpread) * std::abs(shape.warp))));
        } else if (length < n) {
            shape.fadeOutEnd = s.end; // cut before the loop's end
        } else if (!endsAtZero) {
            shape.fadeOutEnd = s.start + n; // the clip's exit where the audio does not end at zero
        }
        previousRunsOn = joinedAfter && whole;
    }
}

void ClipPlayerProcessor::prepareToPlay(double sampleRate, int) { shapePasses(sampleRate); }

float ClipPlayerProcessor::loopSampleAt(const float* src, double position) const
{
    // Catmull-Rom between the four nearest samples; the loop runs on into its start (its seam is seamless).
    const int n = loop_->getNumSamples();
    const auto whole = std::int64_t(std::floor(position));
    const auto frac = float(position - double(whole));
    auto at = [&](std::int64_t k) { return src[((k % n) + n) % n]; };
    const float y0 = at(whole - 1), y1 = at(whole), y2 = at(whole + 1), y3 = at(whole + 2);
    return y1 + 0.5f * frac * (y2 - y0 + frac * (2.0f * y0 - 5.0f * y1 + 4.0f * y2 - y3 + frac * (3.0f * (y1 - y2) + y3 - y0)));
}

void ClipPlayerProcessor::renderSegment(size_t index, std::int64_t blockStart, int numSamples, juce::AudioBuffer<float>& out) const
{
    const auto& s = segments_[index];
    const auto& shape = shapes_[index];
    const float from0 = shape.rampFrom;
    const bool ramp = from0 != s.gain;
    const std::int64_t loopLength = loop_->getNumSamples();
    const std::int64_t audibleEnd = shape.warpLength > 0 ? s.end : std::min(s.end, s.start + loopLength);
    const std::int64_t from = std::max(blockStart, s.start);
    const std::int64_t to = std::min(blockStart + numSamples, audibleEnd);
    if (to <= from)
        return;
    const std::int64_t warpStart = s.end - shape.warpLength;
    for (int c = 0; c < 2; ++c) {
        const float* src = loop_->getReadPointer(std::min(c, loop_->getNumChannels() - 1));
        float* dst = out.getWritePointer(c);
        for (std::int64_t t = from; t < to; ++t) {
            const std::int64_t k = t - s.start;
            float v;
            if (shape.warpLength > 0 && t >= warpStart) {
                const double u = double(t - warpStart + 1) / double(shape.warpLength);
                v = loopSampleAt(src, double(k) + double(shape.warp) * u * u * (3.0 - 2.0 * u));
            } else {
                v = src[k];
            }
            v *= ramp && k < fadeSamples_ ? from0 + (s.gain - from0) * float(k) / float(fadeSamples_) : s.gain;
            if (shape.fadeIn && k < entryFadeSamples_)
                v *= raisedCosine((double(k) + 0.5) / entryFadeSamples_);
            if (shape.fadeOutEnd >= 0 && t >= shape.fadeOutEnd - fadeSamples_)
                v *= float(shape.fadeOutEnd - t) / float(fadeSamples_);
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
        // Landing inside a pass starts mid-waveform: the engine declicks transport jumps for the whole mix, and
        // a hot swap (same song, new session) must continue sample for sample, so the player adds no fade here.
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
