#pragma once
// Draws the song: the section ruler, one lane per track with its clips (waveforms per loop pass), and the
// playhead. Knows geometry (bars <-> pixels) and the selection, but no commands: clicks and drags are reported
// through callbacks and the document decides (ArrangementCanvasEditing.cpp has the gestures).
#include "Arrangement/Arrangement.h"
#include "Document/ClipEdits.h"
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

    // Editing. A click selects a clip (Shift or Ctrl adds), a drag moves the selection by bars and lanes, a drag of
    // a clip's right edge resizes it (by passes of its loop; Alt: by bars), a drag on an empty lane draws a rubber
    // band, a drag of a section in the ruler moves it, a right click on it asks for its menu.
    const ClipSelection& selection() const { return selection_; }
    void setSelection(ClipSelection s);
    std::function<void(const ClipSelection&, int deltaBars, int deltaLanes)> onMoveClips;
    std::function<void(ClipRef, int bars, bool snapToPasses)> onResizeClip;
    std::function<void(int section, int newIndex)> onMoveSection;
    std::function<void(int section)> onSectionMenu;

    void paint(juce::Graphics&) override;
    void mouseDown(const juce::MouseEvent&) override;
    void mouseDrag(const juce::MouseEvent&) override;
    void mouseUp(const juce::MouseEvent&) override;
    void mouseDoubleClick(const juce::MouseEvent&) override;
    void mouseWheelMove(const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

private:
    void paintRuler(juce::Graphics&) const;
    void paintLane(juce::Graphics&, int lane) const;
    int laneAt(int y) const { return y < rulerHeight ? -1 : (y - rulerHeight) / laneHeight_; }
    int sectionAtBar(double bar) const;

    void paintGesture(juce::Graphics&) const;
    bool nearRightEdge(ClipRef r, float x) const;
    enum class Gesture { none, moveClips, resizeClip, rubberBand, moveSection };

    const Arrangement* song_ = nullptr;
    ClipSelection selection_;
    Gesture gesture_ = Gesture::none;
    juce::Point<int> down_;
    ClipRef pressed_;
    int pressedSection_ = -1, dragBars_ = 0, dragLanes_ = 0, resizeBars_ = 0;
    juce::Rectangle<int> band_;
    std::vector<bool> audible_;
    const ThumbnailMap* thumbnails_ = nullptr;
    double firstBar_ = 0, pixelsPerBar_ = 16, playheadBar_ = 0;
    int laneHeight_ = 56;
};

} // namespace loopmind
