#pragma once
// Play/stop, loop, position, the song's tempo and key (editable: type a tempo, pick a key), and the master meter.
// Buttons and fields report through callbacks (wired to the app's commands and song edits); the owner feeds the
// displays from its timer and the song.
#include "UI/LevelMeter.h"
#include <optional>
#include <string>

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
    /** The song's tempo, key and metre; no song: empty and disabled. */
    void setSong(std::optional<double> bpm, const std::optional<std::string>& key, int beatsPerBar);
    std::function<void(double bpm)> onTempo;
    std::function<void(const std::string& key)> onKey;
    juce::Label& tempoField() { return tempo_; }
    juce::ComboBox& keyBox() { return key_; }
    LevelMeter& meter() { return meter_; }
    /** The audio engine's share of each block's time (0-1, smoothed) and how many blocks took longer than they last
        since playback was opened; no device: blank. */
    void setDspLoad(std::optional<float> load, std::int64_t overBudget);
    juce::Label& dspLoad() { return dsp_; }

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    juce::TextButton rewind_ { "|<" }, play_ { "Play" }, loop_ { "Loop" };
    juce::Label position_, tempo_, info_, dsp_;
    juce::ComboBox key_;
    LevelMeter meter_;
};

} // namespace loopmind
