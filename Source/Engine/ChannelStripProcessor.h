#pragma once
// The end of a strip (track, return, group or master): polarity, sends, fader, pan and mute. Two inputs; outputs
// 0-1 are the strip's main out, then two per send (pre- or post-fader taps with the send's level). Settings are
// atomics written on the message thread; every gain ramps across one block, so changes never click.
#include "Engine/EngineProcessor.h"
#include "Engine/FrozenAudio.h"
#include <array>
#include <atomic>

namespace loopmind {

class ChannelStripProcessor final : public EngineProcessor {
public:
    static constexpr int maxSends = 2;

    explicit ChannelStripProcessor(int sends);

    const juce::String getName() const override { return "Channel strip"; }
    void prepareToPlay(double, int) override;
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override;

    int sendCount() const { return sends_; }
    /** Output channel of a send's left side (right is the next one). */
    static int sendChannel(int send) { return 2 + 2 * send; }

    void setVolumeDb(double db) { volumeDb_.store(float(db)); }
    void setPan(double pan) { pan_.store(float(juce::jlimit(-1.0, 1.0, pan))); }
    void setMuted(bool muted) { muted_.store(muted); }
    void setPolarityInverted(bool inverted) { inverted_.store(inverted); }
    void setSend(int send, double levelDb, bool preFader);

    /** Any thread: from the next block on, the strip's input is this frozen audio instead of what its feeds bring
        (null: the feeds again). The source must outlive the strip's session. How a freeze swaps in without a
        glitch: the strip itself changes what it hears at a block boundary, and nothing else in the graph moves. */
    void setFrozenInput(const FrozenSource* source) { frozen_.store(source, std::memory_order_release); }
    bool hasFrozenInput() const { return frozen_.load(std::memory_order_acquire) != nullptr; }

    /** Left and right gains for a level in dB and a pan: balance law, unity at centre. */
    static std::pair<float, float> channelGains(float gainDb, float pan, bool muted);

private:
    struct SendState { std::atomic<float> levelDb { -120.0f }; std::atomic<bool> preFader { false }; float current = 0; };
    struct Targets { float polarity, left, right; std::array<float, maxSends> sends; };
    Targets targets() const;

    const int sends_;
    std::atomic<float> volumeDb_ { 0.0f }, pan_ { 0.0f };
    std::atomic<bool> muted_ { false }, inverted_ { false };
    std::atomic<const FrozenSource*> frozen_ { nullptr };
    std::array<SendState, maxSends> send_;
    float polarity_ = 1, left_ = 1, right_ = 1; // the gains the last block ended on
};

} // namespace loopmind
