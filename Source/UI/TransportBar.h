#pragma once
// Play/stop, loop, position, tempo and key, and the master meter. Buttons report through callbacks
// (wired to the app's commands); the owner feeds the displays from its timer.
#include "UI/LevelMeter.h"

namespace loopmind {

class TransportBar final : public juce::Component {
public:
    TransportBar();
    std::function<void()> onPlayStop, onRewind;
    std::function<void(bool)> onLoop;

    void setPlaying(bool playing);
    /** Without an audio device the play and rewind buttons are off (everything else keeps working). */
    void setPlaybackAvailable(bool available) { play_.setEnabled(available); rewind_.setEnabled(available); }
    bool isPlaybackAvailable() const { return play_.isEnabled(); }
    void setLooping(bool looping) { loop_.setToggleState(looping, juce::dontSendNotification); }
    void setPosition(double seconds, double bar, int beatsPerBar);
    void setSongInfo(const juce::String& tempoAndKey) { info_.setText(tempoAndKey, juce::dontSendNotification); }
    LevelMeter& meter() { return meter_; }

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    juce::TextButton rewind_ { "|<" }, play_ { "Play" }, loop_ { "Loop" };
    juce::Label position_, info_;
    LevelMeter meter_;
};

} // namespace loopmind
