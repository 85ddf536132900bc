#include "UI/MixerStripComponent.h"
#include "UI/Theme.h"
#include <cmath>

namespace loopmind {

MixerStripComponent::MixerStripComponent()
{
    name_.setJustificationType(juce::Justification::centred);
    name_.setFont(juce::Font(13.0f, juce::Font::bold));
    addAndMakeVisible(name_);
    for (int slot = 0; slot < ChannelStrip::maxInserts; ++slot) {
        auto& b = inserts_[size_t(slot)];
        b.onClick = [this, slot] {
            if (onInsertClicked)
                onInsertClicked(slot, inserts_[size_t(slot)]);
        };
        addAndMakeVisible(b);
    }
    for (int i = 0; i < ChannelStrip::maxSends; ++i) {
        auto& s = sends_[size_t(i)];
        s.setSliderStyle(juce::Slider::RotaryHorizontalVerticalDrag);
        s.setRange(-60.0, 6.0, 0.1);
        s.setTextValueSuffix(" dB");
        s.setDoubleClickReturnValue(true, -12.0);
        setupSlider(s, "Send level", [i](ChannelStrip& c, double v) {
            if (i < int(c.sends.size()))
                c.sends[size_t(i)].levelDb = v;
        });
        sendNames_[size_t(i)].setTooltip("Choose the return, pre or post fader, or remove the send");
        sendNames_[size_t(i)].onClick = [this, i] {
            if (onSendClicked)
                onSendClicked(i, sendNames_[size_t(i)]);
        };
        addChildComponent(s);
        addChildComponent(sendNames_[size_t(i)]);
    }
    addSend_.setTooltip("Send this strip to a return bus");
    addSend_.onClick = [this] {
        if (onSendClicked)
            onSendClicked(int(strip_.sends.size()), addSend_);
    };
    addChildComponent(addSend_);
    pan_.setSliderStyle(juce::Slider::RotaryHorizontalVerticalDrag);
    pan_.setRange(-1.0, 1.0, 0.01);
    pan_.setDoubleClickReturnValue(true, 0.0);
    setupSlider(pan_, "Pan", [](ChannelStrip& c, double v) { c.pan = v; });
    fader_.setSliderStyle(juce::Slider::LinearVertical);
    fader_.setRange(-60.0, 12.0, 0.1);
    fader_.setSkewFactorFromMidPoint(-12.0);
    fader_.setTextValueSuffix(" dB");
    fader_.setDoubleClickReturnValue(true, 0.0);
    setupSlider(fader_, "Fader", [](ChannelStrip& c, double v) { c.volumeDb = v; });
    fader_.setTextBoxStyle(juce::Slider::TextBoxBelow, false, 64, 18); // the level in dB, typed or read
    addAndMakeVisible(pan_);
    addAndMakeVisible(fader_);
    for (auto* b : { &mute_, &solo_, &polarity_ }) {
        b->setClickingTogglesState(true);
        addAndMakeVisible(*b);
    }
    mute_.setColour(juce::TextButton::buttonOnColourId, theme::warning.darker(0.3f));
    solo_.setColour(juce::TextButton::buttonOnColourId, theme::meterGood.darker(0.3f));
    mute_.onClick = [this] { if (onMute) onMute(mute_.getToggleState()); };
    solo_.onClick = [this] { if (onSolo) onSolo(solo_.getToggleState()); };
    polarity_.setTooltip("Invert polarity");
    polarity_.onClick = [this] {
        auto next = strip_;
        next.invertPolarity = polarity_.getToggleState();
        strip_ = next;
        if (onEdit)
            onEdit(next, "Polarity", false);
    };
}

void MixerStripComponent::setupSlider(juce::Slider& s, const juce::String& what, std::function<void(ChannelStrip&, double)> apply)
{
    s.setTextBoxStyle(juce::Slider::NoTextBox, false, 0, 0);
    s.setPopupDisplayEnabled(true, true, this);
    s.onDragStart = [this] { dragging_ = freshDrag_ = true; };
    s.onDragEnd = [this] { dragging_ = false; };
    s.onValueChange = [this, &s, what, apply] {
        auto next = strip_;
        apply(next, s.getValue());
        strip_ = next;
        // A drag's first step starts an undo step; its later ones continue it. A click or a typed value is one step.
        const bool continuing = dragging_ && !std::exchange(freshDrag_, false);
        if (onEdit)
            onEdit(next, what, continuing);
    };
}

juce::String MixerStripComponent::insertText(const ChannelStrip& strip, int slot)
{
    if (slot >= int(strip.inserts.size()))
        return "+";
    const auto& insert = strip.inserts[size_t(slot)];
    const juce::String name = insert.plugin ? juce::String(insert.plugin->name) : juce::String(insert.type);
    return name + (insert.bypassed ? " (off)" : "") + (insert.sidechainTrack.empty() ? "" : " [sc]");
}

void MixerStripComponent::show(const ChannelStrip& strip, const Labels& labels, bool mute, bool solo)
{
    strip_ = strip;
    labels_ = labels;
    name_.setText(labels.name, juce::dontSendNotification);
    name_.setTooltip(strip.output.empty() ? "plays to the master" : "plays to group " + juce::String(strip.output));
    name_.setColour(juce::Label::backgroundColourId, labels.colour.withAlpha(0.35f));
    for (int slot = 0; slot < ChannelStrip::maxInserts; ++slot) {
        auto& b = inserts_[size_t(slot)];
        b.setButtonText(insertText(strip, slot));
        b.setTooltip(slot < int(strip.inserts.size()) ? "Insert " + juce::String(slot + 1) + ": click to edit, bypass, replace or remove"
                                                        : "Add an effect");
        // Only the first empty slot offers "+": inserts stay in order without gaps.
        b.setVisible(slot <= int(strip.inserts.size()));
    }
    for (int i = 0; i < ChannelStrip::maxSends; ++i) {
        const bool has = labels.hasSends && i < int(strip.sends.size());
        sends_[size_t(i)].setVisible(has);
        sendNames_[size_t(i)].setVisible(has);
        if (!has)
            continue;
        const auto& send = strip.sends[size_t(i)];
        sends_[size_t(i)].setValue(send.levelDb, juce::dontSendNotification);
        const auto target = send.returnBus < int(labels.returnNames.size()) ? labels.returnNames[size_t(send.returnBus)] : juce::String("?");
        sendNames_[size_t(i)].setButtonText(target + (send.preFader ? " (pre)" : ""));
    }
    addSend_.setVisible(labels.hasSends && int(strip.sends.size()) < ChannelStrip::maxSends && !labels.returnNames.empty());
    pan_.setValue(strip.pan, juce::dontSendNotification);
    fader_.setValue(strip.volumeDb, juce::dontSendNotification);
    mute_.setVisible(labels.hasMuteSolo);
    solo_.setVisible(labels.hasMuteSolo);
    mute_.setToggleState(mute, juce::dontSendNotification);
    solo_.setToggleState(solo, juce::dontSendNotification);
    polarity_.setToggleState(strip.invertPolarity, juce::dontSendNotification);
    resized();
}

void MixerStripComponent::setPeak(float linearPeak)
{
    const float shown = peak_.db;
    peak_.update(linearPeak);
    if (std::abs(peak_.db - shown) > 0.01f)
        repaint(meterArea_);
}

void MixerStripComponent::resized()
{
    auto r = getLocalBounds().reduced(3);
    name_.setBounds(r.removeFromTop(20));
    r.removeFromTop(3);
    for (auto& b : inserts_)
        if (b.isVisible())
            b.setBounds(r.removeFromTop(20).reduced(0, 1));
    r.removeFromTop(4);
    for (int i = 0; i < ChannelStrip::maxSends; ++i)
        if (sends_[size_t(i)].isVisible()) {
            auto row = r.removeFromTop(30);
            sends_[size_t(i)].setBounds(row.removeFromLeft(30));
            sendNames_[size_t(i)].setBounds(row.reduced(2, 4));
        }
    if (addSend_.isVisible())
        addSend_.setBounds(r.removeFromTop(22).reduced(0, 1));
    pan_.setBounds(r.removeFromTop(34).withSizeKeepingCentre(34, 34));
    auto buttons = r.removeFromBottom(22);
    const int w = buttons.getWidth() / 3;
    mute_.setBounds(buttons.removeFromLeft(w).reduced(1, 0));
    solo_.setBounds(buttons.removeFromLeft(w).reduced(1, 0));
    polarity_.setBounds(buttons.reduced(1, 0));
    r.removeFromBottom(3);
    meterArea_ = r.removeFromRight(8);
    fader_.setBounds(r);
}

void MixerStripComponent::paint(juce::Graphics& g)
{
    g.setColour(theme::panel);
    g.fillRoundedRectangle(getLocalBounds().toFloat().reduced(1.0f), 4.0f);
    auto bar = meterArea_.toFloat();
    g.setColour(theme::panelAlt);
    g.fillRect(bar);
    g.setColour(peak_.colour());
    g.fillRect(bar.removeFromBottom(bar.getHeight() * peak_.proportion()));
}

} // namespace loopmind
