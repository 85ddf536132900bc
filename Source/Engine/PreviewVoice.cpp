#include "Engine/PreviewVoice.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
constexpr int fadeSamples = 128; // ~3 ms: a stop or switch fades instead of clicking
}

PreviewVoice::~PreviewVoice()
{
    delete current_;
    delete outgoing_;
}

void PreviewVoice::start(std::shared_ptr<const juce::AudioBuffer<float>> stereoLoop, double barSamples, bool waitForTransport)
{
    if (stereoLoop == nullptr || stereoLoop->getNumSamples() == 0 || stereoLoop->getNumChannels() == 0) {
        stop();
        return;
    }
    handoff_.releaseRetired();
    handoff_.publish(std::make_unique<Clip>(Clip { std::move(stereoLoop), std::max(0.0, barSamples), waitForTransport }));
    active_.store(true, std::memory_order_release);
}

void PreviewVoice::stop()
{
    handoff_.releaseRetired();
    handoff_.publish(std::make_unique<Clip>());
    active_.store(false, std::memory_order_release);
}

void PreviewVoice::adopt(std::optional<std::int64_t> transportPosition)
{
    // Room for two retirements: a clip still fading out and the one that starts fading now.
    auto* next = handoff_.take(2);
    if (next == nullptr)
        return;
    if (outgoing_ != nullptr) {
        handoff_.retire(outgoing_); // a second switch within the fade: drop the older tail (take() made room)
        outgoing_ = nullptr;
    }
    if (current_ != nullptr && current_->audio != nullptr && delay_ == 0 && !awaitingTransport_) {
        outgoing_ = current_;
        outgoingCursor_ = cursor_;
        outgoingFade_ = fadeSamples;
    } else {
        handoff_.retire(current_);
    }
    current_ = next;
    cursor_ = 0;
    delay_ = 0;
    awaitingTransport_ = current_->audio != nullptr && current_->waitForTransport && !transportPosition;
    if (current_->audio != nullptr && transportPosition)
        delay_ = samplesToNextBar(*transportPosition);
}

std::int64_t PreviewVoice::samplesToNextBar(std::int64_t transportPosition) const
{
    // The next bar line at or after the block start (bar lines are at whole multiples of barSamples).
    const double bar = current_->barSamples;
    if (bar <= 0)
        return 0;
    const auto nextBar = std::int64_t(std::llround(std::ceil(double(transportPosition) / bar - 1e-9) * bar));
    return std::max<std::int64_t>(0, nextBar - transportPosition);
}

void PreviewVoice::addClip(const Clip& clip, std::int64_t& cursor, float* left, float* right, int from, int to, int fadeOutLeft) const
{
    const auto& audio = *clip.audio;
    const std::int64_t length = audio.getNumSamples();
    const float* srcL = audio.getReadPointer(0);
    const float* srcR = audio.getReadPointer(std::min(1, audio.getNumChannels() - 1));
    const float gain = gain_.load(std::memory_order_relaxed);
    for (int i = from; i < to; ++i) {
        float g = gain;
        if (fadeOutLeft > 0)
            g *= float(std::max(0, fadeOutLeft - (i - from))) / float(fadeSamples);
        const auto k = size_t(cursor);
        if (right != nullptr) {
            left[i] += g * srcL[k];
            right[i] += g * srcR[k];
        } else {
            left[i] += 0.5f * g * (srcL[k] + srcR[k]);
        }
        if (++cursor >= length)
            cursor = 0;
    }
}

void PreviewVoice::render(float* left, float* right, int numSamples, std::optional<std::int64_t> transportPosition)
{
    adopt(transportPosition);
    if (outgoing_ != nullptr && outgoingFade_ > 0) {
        const int n = std::min(numSamples, outgoingFade_);
        addClip(*outgoing_, outgoingCursor_, left, right, 0, n, outgoingFade_);
        outgoingFade_ -= n;
        if (outgoingFade_ <= 0 && handoff_.retire(outgoing_))
            outgoing_ = nullptr; // if the ring was full it stays, silent, until a later block or the next switch

    }
    if (current_ == nullptr || current_->audio == nullptr)
        return;
    if (awaitingTransport_) {
        if (!transportPosition)
            return;
        awaitingTransport_ = false;
        delay_ = samplesToNextBar(*transportPosition);
    }
    const int waiting = int(std::min<std::int64_t>(delay_, numSamples));
    delay_ -= waiting;
    addClip(*current_, cursor_, left, right, waiting, numSamples, 0);
}

} // namespace loopmind
