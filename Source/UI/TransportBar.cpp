#include "UI/TransportBar.h"
#include "UI/Theme.h"
#include <cmath>

namespace loopmind {

TransportBar::TransportBar()
{
    rewind_.setTooltip("Back to the start (Home)");
    play_.setTooltip("Play / stop (Space)");
    loop_.setTooltip("Loop the whole song (L)");
    loop_.setClickingTogglesState(true);
    rewind_.onClick = [this] { if (onRewind) onRewind(); };
    play_.onClick = [this] { if (onPlayStop) onPlayStop(); };
    loop_.onClick = [this] { if (onLoop) onLoop(loop_.getToggleState()); };
    position_.setFont(juce::Font(juce::Font::getDefaultMonospacedFontName(), 18.0f, juce::Font::plain));
    position_.setJustificationType(juce::Justification::centred);
    info_.setJustificationType(juce::Justification::centredLeft);
    dsp_.setJustificationType(juce::Justification::centredRight);
    tempo_.setEditable(true); // a click edits it; Return sets the song's tempo
    tempo_.setJustificationType(juce::Justification::centredRight);
    tempo_.setColour(juce::Label::outlineColourId, theme::outline);
    tempo_.setTooltip("The song's tempo: click, type a BPM (40-240), Return. Loops are fitted again, the playhead keeps its bar.");
    tempo_.onTextChange = [this] {
        const double bpm = tempo_.getText().retainCharacters("0123456789.").getDoubleValue();
        if (onTempo && bpm > 0)
            onTempo(bpm);
    };
    static const char* names[] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    for (int minor = 0; minor < 2; ++minor)
        for (int tonic = 0; tonic < 12; ++tonic)
            key_.addItem(juce::String(names[tonic]) + (minor ? " minor" : " major"), 1 + minor * 12 + tonic);
    key_.setTooltip("The song's key: pitched loops are transposed to it (drums stay as they are)");
    key_.onChange = [this] {
        if (onKey && key_.getSelectedId() > 0)
            onKey(key_.getText().toStdString());
    };
    for (juce::Component* c : std::initializer_list<juce::Component*> { &rewind_, &play_, &loop_, &position_, &tempo_, &key_, &info_, &dsp_, &meter_ })
        addAndMakeVisible(c);
    setPosition(0, 0, 4);
}

void TransportBar::setPlaying(bool playing)
{
    play_.setButtonText(playing ? "Stop" : "Play");
    play_.setToggleState(playing, juce::dontSendNotification);
}

void TransportBar::setPosition(double seconds, double bar, int beatsPerBar)
{
    const int wholeBar = int(std::floor(bar));
    const int beat = int(std::floor((bar - wholeBar) * beatsPerBar));
    const int minutes = int(seconds) / 60;
    const auto text = juce::String(wholeBar + 1).paddedLeft(' ', 3) + "." + juce::String(beat + 1) + "   "
                      + juce::String(minutes) + ":" + juce::String(seconds - minutes * 60, 1).paddedLeft('0', 4);
    position_.setText(text, juce::dontSendNotification);
}

void TransportBar::setSong(std::optional<double> bpm, const std::optional<std::string>& key, int beatsPerBar)
{
    tempo_.setText(bpm ? juce::String(*bpm, 1) + " BPM" : juce::String(), juce::dontSendNotification);
    tempo_.setEnabled(bpm.has_value());
    int id = 0;
    for (int i = 0; i < key_.getNumItems() && key; ++i)
        if (key_.getItemText(i).toStdString() == *key)
            id = key_.getItemId(i);
    key_.setSelectedId(id, juce::dontSendNotification);
    key_.setTextWhenNothingSelected(bpm ? "no key" : "");
    key_.setEnabled(bpm.has_value() && key.has_value()); // a song without a key has nothing to transpose from
    info_.setText(bpm ? juce::String(beatsPerBar) + "/4" : juce::String(), juce::dontSendNotification);
}

void TransportBar::setDspLoad(std::optional<float> load, std::int64_t overBudget)
{
    if (!load) {
        dsp_.setText({}, juce::dontSendNotification);
        dsp_.setTooltip({});
        return;
    }
    auto text = "DSP " + juce::String(juce::roundToInt(*load * 100.0f)) + " %";
    if (overBudget > 0)
        text << ", " << juce::String(overBudget) << " late";
    dsp_.setText(text, juce::dontSendNotification);
    dsp_.setColour(juce::Label::textColourId, overBudget > 0 || *load > 0.8f ? theme::warning : theme::textDim);
    dsp_.setTooltip("The audio engine's share of each block's time. \"late\": blocks that took longer to compute than they "
                    "last (each is a dropout); raise the buffer size in Options > Audio Settings, or freeze tracks.");
}

void TransportBar::paint(juce::Graphics& g)
{
    g.fillAll(theme::panel);
    g.setColour(theme::outline);
    g.fillRect(0, getHeight() - 1, getWidth(), 1);
}

void TransportBar::resized()
{
    auto r = getLocalBounds().reduced(6, 5);
    rewind_.setBounds(r.removeFromLeft(40));
    r.removeFromLeft(4);
    play_.setBounds(r.removeFromLeft(70));
    r.removeFromLeft(4);
    loop_.setBounds(r.removeFromLeft(60));
    r.removeFromLeft(10);
    position_.setBounds(r.removeFromLeft(190));
    meter_.setBounds(r.removeFromRight(juce::jmin(320, r.getWidth() / 3)));
    r.removeFromLeft(10);
    tempo_.setBounds(r.removeFromLeft(90).reduced(0, 3));
    r.removeFromLeft(6);
    key_.setBounds(r.removeFromLeft(110).reduced(0, 3));
    r.removeFromLeft(6);
    dsp_.setBounds(r.removeFromRight(juce::jmin(130, r.getWidth() / 2)));
    info_.setBounds(r);
}

} // namespace loopmind
