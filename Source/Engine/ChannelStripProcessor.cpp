#include "Engine/ChannelStripProcessor.h"

namespace loopmind {

ChannelStripProcessor::ChannelStripProcessor(int sends)
    : EngineProcessor(2, 2 + 2 * juce::jlimit(0, maxSends, sends)), sends_(juce::jlimit(0, maxSends, sends))
{
}

void ChannelStripProcessor::setSend(int send, double levelDb, bool preFader)
{
    if (send < 0 || send >= sends_)
        return;
    send_[size_t(send)].levelDb.store(float(levelDb));
    send_[size_t(send)].preFader.store(preFader);
}

std::pair<float, float> ChannelStripProcessor::channelGains(float gainDb, float pan, bool muted)
{
    if (muted)
        return { 0.0f, 0.0f };
    const float g = juce::Decibels::decibelsToGain(gainDb, -120.0f);
    return { g * (pan > 0 ? 1.0f - pan : 1.0f), g * (pan < 0 ? 1.0f + pan : 1.0f) };
}

ChannelStripProcessor::Targets ChannelStripProcessor::targets() const
{
    Targets t {};
    const bool muted = muted_.load(std::memory_order_relaxed);
    t.polarity = inverted_.load(std::memory_order_relaxed) ? -1.0f : 1.0f;
    std::tie(t.left, t.right) = channelGains(volumeDb_.load(std::memory_order_relaxed), pan_.load(std::memory_order_relaxed), muted);
    for (int s = 0; s < sends_; ++s)
        t.sends[size_t(s)] = muted ? 0.0f : juce::Decibels::decibelsToGain(send_[size_t(s)].levelDb.load(std::memory_order_relaxed), -120.0f);
    return t;
}

void ChannelStripProcessor::prepareToPlay(double, int)
{
    const auto t = targets();
    polarity_ = t.polarity;
    left_ = t.left;
    right_ = t.right;
    for (int s = 0; s < sends_; ++s)
        send_[size_t(s)].current = t.sends[size_t(s)];
}

void ChannelStripProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    const int n = buffer.getNumSamples();
    if (const auto* frozen = frozen_.load(std::memory_order_acquire))
        readFrozen(*frozen->audio, frozen->playHead->position() - frozen->latency, buffer, n);
    const auto t = targets();
    if (polarity_ != 1.0f || t.polarity != 1.0f) // a flip ramps through zero rather than stepping
        for (int c = 0; c < 2; ++c)
            buffer.applyGainRamp(c, 0, n, polarity_, t.polarity);
    polarity_ = t.polarity;

    auto tap = [&](int s) {
        auto& send = send_[size_t(s)];
        for (int c = 0; c < 2; ++c)
            buffer.copyFromWithRamp(sendChannel(s) + c, 0, buffer.getReadPointer(c), n, send.current, t.sends[size_t(s)]);
        send.current = t.sends[size_t(s)];
    };
    std::array<bool, maxSends> pre {}; // read once: a toggle between the two taps must not send twice or never
    for (int s = 0; s < sends_; ++s)
        if ((pre[size_t(s)] = send_[size_t(s)].preFader.load(std::memory_order_relaxed)))
            tap(s);
    buffer.applyGainRamp(0, 0, n, left_, t.left);
    buffer.applyGainRamp(1, 0, n, right_, t.right);
    left_ = t.left;
    right_ = t.right;
    for (int s = 0; s < sends_; ++s)
        if (!pre[size_t(s)])
            tap(s);
}

} // namespace loopmind
