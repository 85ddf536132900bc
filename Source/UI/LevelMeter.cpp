#include "UI/LevelMeter.h"
#include "UI/Theme.h"
#include <cmath>

namespace loopmind {

namespace {
constexpr float floorDb = -60.0f;
float toProportion(float db) { return juce::jlimit(0.0f, 1.0f, (db - floorDb) / -floorDb); }
} // namespace

void LevelMeter::setLevels(float peak, float lufs)
{
    const float db = peak > 0.0f ? 20.0f * std::log10(peak) : -100.0f;
    // Fast attack, ~20 dB/s release at a 30 Hz timer: readable, not jumpy.
    peakDb_ = std::max(db, peakDb_ - 0.7f);
    if (db >= holdDb_ || --holdFrames_ <= 0) {
        holdDb_ = std::max(db, peakDb_);
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
    const float p = toProportion(peakDb_);
    g.setColour(peakDb_ > -0.1f ? theme::error : (peakDb_ > -6.0f ? theme::warning : theme::meterGood));
    g.fillRoundedRectangle(bar.withWidth(bar.getWidth() * p), 2.0f);
    g.setColour(theme::text);
    g.fillRect(bar.getX() + bar.getWidth() * toProportion(holdDb_) - 1.0f, bar.getY(), 2.0f, bar.getHeight());
    g.setFont(13.0f);
    const juce::String lufsText = std::isfinite(lufs_) ? juce::String(lufs_, 1) + " LUFS-S" : "-inf LUFS-S";
    g.drawText(lufsText, text, juce::Justification::centred);
}

} // namespace loopmind
