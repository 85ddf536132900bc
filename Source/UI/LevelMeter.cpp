#include "UI/LevelMeter.h"
#include "UI/Theme.h"
#include <cmath>

namespace loopmind {

void LevelMeter::setLevels(float peak, float lufs)
{
    const float db = peak_.update(peak);
    if (db >= holdDb_ || --holdFrames_ <= 0) {
        holdDb_ = std::max(db, peak_.db);
        holdFrames_ = 45;
    }
    lufs_ = lufs;
    repaint();
}

void LevelMeter::paint(juce::Graphics& g)
{
    auto r = getLocalBounds().toFloat();
    auto text = r.removeFromRight(96.0f);
    auto bar = r.reduced(0.0f, r.getHeight() * 0.25f);
    g.setColour(theme::panelAlt);
    g.fillRoundedRectangle(bar, 2.0f);
    g.setColour(peak_.colour());
    g.fillRoundedRectangle(bar.withWidth(bar.getWidth() * peak_.proportion()), 2.0f);
    g.setColour(theme::text);
    g.fillRect(bar.getX() + bar.getWidth() * PeakBallistics::proportionOf(holdDb_) - 1.0f, bar.getY(), 2.0f, bar.getHeight());
    g.setFont(13.0f);
    const juce::String lufsText = std::isfinite(lufs_) ? juce::String(lufs_, 1) + " LUFS-S" : "-inf LUFS-S";
    g.drawText(lufsText, text, juce::Justification::centred);
}

} // namespace loopmind
