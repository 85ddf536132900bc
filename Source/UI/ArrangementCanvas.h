#pragma once
// Draws the song: the section ruler, one lane per track with its clips (waveforms per loop pass), and the
// playhead. Knows geometry (bars <-> pixels) but no commands: clicks are reported through callbacks.
#include "Arrangement/Arrangement.h"
#include "UI/Waveform.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <functional>

namespace loopmind {

class ArrangementCanvas final : public juce::Component {
public:
    static constexpr int rulerHeight = 38;

    void setSong(const Arrangement* arrangement, std::vector<bool> audible, const ThumbnailMap* thumbnails);
    void setView(double firstBar, double pixelsPerBar);
    void setPlayheadBar(double bar);
    void setLaneHeight(int h) { laneHeight_ = h; repaint(); }
    int laneHeight() const { return laneHeight_; }
    juce::Rectangle<int> laneBounds(int lane) const;

    double barAtX(float x) const { return firstBar_ + double(x) / pixelsPerBar_; }
    float xAtBar(double bar) const { return float((bar - firstBar_) * pixelsPerBar_); }

    std::function<void(double bar)> onSeek;
    std::function<void(int lane)> onClipDoubleClicked;
    std::function<void(int lane, int section)> onToggleClip;
    std::function<void(float deltaBars, bool zoom, float anchorX)> onWheel;

    void paint(juce::Graphics&) override;
    void mouseDown(const juce::MouseEvent&) override;
    void mouseDoubleClick(const juce::MouseEvent&) override;
    void mouseWheelMove(const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

private:
    void paintRuler(juce::Graphics&) const;
    void paintLane(juce::Graphics&, int lane) const;
    int laneAt(int y) const { return y < rulerHeight ? -1 : (y - rulerHeight) / laneHeight_; }
    int sectionAtBar(double bar) const;
    bool clipAt(int lane, double bar) const;

    const Arrangement* song_ = nullptr;
    std::vector<bool> audible_;
    const ThumbnailMap* thumbnails_ = nullptr;
    double firstBar_ = 0, pixelsPerBar_ = 16, playheadBar_ = 0;
    int laneHeight_ = 56;
};

} // namespace loopmind
