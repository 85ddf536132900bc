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
    info_.setJustificationType(juce::Justification::centred);
    for (juce::Component* c : std::initializer_list<juce::Component*> { &rewind_, &play_, &loop_, &position_, &info_, &meter_ })
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
    info_.setBounds(r);
}

} // namespace loopmind
