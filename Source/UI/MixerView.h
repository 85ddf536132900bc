#pragma once
// The mixer: a strip per track (in arrangement order), then the returns, the groups and the master, side by side
// in a horizontal scroll. It shows the song's mixer and reports edits; the owner applies them (undoably) and
// shows the result again.
#include "Arrangement/Arrangement.h"
#include "UI/MixerStripComponent.h"
#include <memory>
#include <vector>

namespace loopmind {

class MixerView final : public juce::Component {
public:
    MixerView();

    struct LaneSwitches {
        bool mute = false, solo = false;
    };
    /** Shows the song's mixer; lanes give each track's mute and solo. Rebuilds strips only when their number changes. */
    void show(const Arrangement* song, const std::vector<LaneSwitches>& lanes);
    /** Linear peaks from the meters' timer: peakOf(ref) for every track, return and group strip; the master's given. */
    void setPeaks(const std::function<float(StripRef)>& peakOf, float masterPeak);

    std::function<void(StripRef, const ChannelStrip& next, const juce::String& what, bool continuing)> onStripEdited;
    std::function<void(int track, bool)> onMute, onSolo;
    std::function<void(StripRef, int slot, juce::Component& slotButton)> onInsertClicked;
    std::function<void(StripRef, int send, juce::Component& button)> onSendClicked;

    int stripCount() const { return int(strips_.size()); }
    MixerStripComponent& stripAt(int i) { return *strips_[size_t(i)]; }
    StripRef refAt(int i) const { return refs_[size_t(i)]; }

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    void layoutStrips();
    juce::Viewport viewport_;
    juce::Component content_;
    juce::Label empty_;
    std::vector<std::unique_ptr<MixerStripComponent>> strips_;
    std::vector<StripRef> refs_;
};

} // namespace loopmind
