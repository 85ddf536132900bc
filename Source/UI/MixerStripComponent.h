#pragma once
// One channel strip in the mixer view: insert slots, send knobs, pan, fader (dB), mute/solo/polarity and a
// peak meter. It shows a ChannelStrip and reports each change as the whole next strip; a drag's later steps
// say `continuing`, so the owner can make the whole drag one undo step.
#include "Core/MixerSettings.h"
#include "UI/PeakBallistics.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <array>
#include <functional>

namespace loopmind {

class MixerStripComponent final : public juce::Component {
public:
    struct Labels {
        juce::String name;
        juce::Colour colour;
        std::vector<juce::String> returnNames; // what each send index feeds
        bool hasSends = true, hasMuteSolo = true;
    };
    MixerStripComponent();

    /** Shows `strip` (no callbacks fire). mute and solo are the lane's, shown where the strip has them. */
    void show(const ChannelStrip& strip, const Labels& labels, bool mute, bool solo);
    void setPeak(float linearPeak);
    const ChannelStrip& strip() const { return strip_; }

    std::function<void(const ChannelStrip& next, const juce::String& what, bool continuing)> onEdit;
    std::function<void(bool)> onMute, onSolo;
    std::function<void(int slot, juce::Component& slotButton)> onInsertClicked;
    /** A send's name was clicked (index < sends: that send; == sends: the "+ send" button). */
    std::function<void(int send, juce::Component& button)> onSendClicked;

    // For tests: the controls as a user would move them.
    juce::Slider& fader() { return fader_; }
    juce::Slider& pan() { return pan_; }
    juce::Slider& send(int i) { return sends_[size_t(i)]; }
    juce::TextButton& insertButton(int slot) { return inserts_[size_t(slot)]; }
    juce::TextButton& addSendButton() { return addSend_; }

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    void setupSlider(juce::Slider& s, const juce::String& what, std::function<void(ChannelStrip&, double)> apply);
    static juce::String insertText(const ChannelStrip& strip, int slot);

    ChannelStrip strip_;
    Labels labels_;
    juce::Label name_;
    std::array<juce::TextButton, ChannelStrip::maxInserts> inserts_;
    std::array<juce::Slider, ChannelStrip::maxSends> sends_;
    std::array<juce::TextButton, ChannelStrip::maxSends> sendNames_;
    juce::TextButton addSend_ { "+ send" };
    juce::Slider pan_, fader_;
    juce::TextButton mute_ { "M" }, solo_ { "S" }, polarity_ { juce::CharPointer_UTF8("\xc3\x98") };
    juce::Rectangle<int> meterArea_;
    PeakBallistics peak_;
    bool dragging_ = false, freshDrag_ = false;
};

} // namespace loopmind
