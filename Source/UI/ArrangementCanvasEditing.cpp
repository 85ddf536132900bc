// The arrangement canvas's gestures: select, move and resize clips, rubber-band selection, and the ruler's section
// drag and menu. Positions snap to whole bars (the song's grid); the document makes each reported edit.
#include "UI/ArrangementCanvas.h"
#include "UI/Theme.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
constexpr float edgeGrab = 6.0f;  // pixels from a clip's right edge that grab the edge
constexpr int dragThreshold = 4; // pixels before a press becomes a drag
} // namespace

void ArrangementCanvas::setSelection(ClipSelection s)
{
    s.erase(std::remove_if(s.begin(), s.end(), [this](ClipRef r) {
                return song_ == nullptr || r.lane < 0 || r.lane >= int(song_->tracks.size()) || r.clip < 0
                       || r.clip >= int(song_->tracks[size_t(r.lane)].clips.size());
            }),
            s.end());
    selection_ = std::move(s);
    repaint();
}

bool ArrangementCanvas::nearRightEdge(ClipRef r, float x) const
{
    const auto& c = song_->tracks[size_t(r.lane)].clips[size_t(r.clip)];
    const float grab = std::min(edgeGrab, float(c.bars * pixelsPerBar_) / 4.0f); // a short clip is mostly for moving
    return std::abs(x - xAtBar(c.startBar + c.bars)) <= grab;
}

void ArrangementCanvas::mouseDown(const juce::MouseEvent& e)
{
    gesture_ = Gesture::none;
    if (song_ == nullptr)
        return;
    down_ = e.getPosition();
    dragBars_ = dragLanes_ = 0;
    const double bar = barAtX(float(e.x));
    if (e.y < rulerHeight) {
        pressedSection_ = e.y < 22 ? sectionAtBar(bar) : -1; // the section bands are the ruler's top row
        if (e.mods.isPopupMenu()) {
            if (pressedSection_ >= 0 && onSectionMenu)
                onSectionMenu(pressedSection_);
            return;
        }
        if (onSeek)
            onSeek(std::clamp(bar, 0.0, double(song_->totalBars())));
        if (pressedSection_ >= 0)
            gesture_ = Gesture::moveSection;
        return;
    }
    const int lane = laneAt(e.y);
    if (e.mods.isPopupMenu()) {
        if (clipAtBar(*song_, lane, bar) >= 0 && onToggleClip)
            onToggleClip(lane, sectionAtBar(bar)); // right-click removes the clip from this section
        return;
    }
    const ClipRef hit { lane, clipAtBar(*song_, lane, bar) };
    // The right edge of the clip under the pointer, or of one just left of it when the pointer is in a gap.
    const ClipRef edge = hit.clip >= 0 ? hit : ClipRef { lane, clipAtBar(*song_, lane, barAtX(float(e.x) - edgeGrab)) };
    const bool adding = e.mods.isShiftDown() || e.mods.isCommandDown();
    if (edge.clip >= 0 && nearRightEdge(edge, float(e.x)) && !adding) {
        pressed_ = edge;
        resizeBars_ = song_->tracks[size_t(lane)].clips[size_t(edge.clip)].bars;
        setSelection({ edge });
        gesture_ = Gesture::resizeClip;
    } else if (hit.clip >= 0) {
        pressed_ = hit;
        auto s = selection_;
        const auto found = std::find(s.begin(), s.end(), hit);
        if (adding && found != s.end())
            s.erase(found);
        else if (found == s.end())
            s = adding ? (s.push_back(hit), s) : ClipSelection { hit };
        setSelection(std::move(s));
        gesture_ = Gesture::moveClips;
    } else {
        if (!adding)
            setSelection({});
        band_ = { e.x, e.y, 0, 0 };
        gesture_ = Gesture::rubberBand;
    }
}

void ArrangementCanvas::mouseDrag(const juce::MouseEvent& e)
{
    if (song_ == nullptr || gesture_ == Gesture::none || e.getPosition().getDistanceFrom(down_) < dragThreshold)
        return;
    const int barDelta = int(std::lround(barAtX(float(e.x)) - barAtX(float(down_.x))));
    switch (gesture_) {
    case Gesture::moveClips:
        dragBars_ = barDelta;
        dragLanes_ = laneAt(e.y) - laneAt(down_.y);
        break;
    case Gesture::resizeClip: {
        const auto& c = song_->tracks[size_t(pressed_.lane)].clips[size_t(pressed_.clip)];
        resizeBars_ = std::max(1, int(std::lround(barAtX(float(e.x)))) - c.startBar);
        break;
    }
    case Gesture::rubberBand: band_ = juce::Rectangle<int>(down_, e.getPosition()); break;
    case Gesture::moveSection: dragBars_ = barDelta; break;
    case Gesture::none: break;
    }
    repaint();
}

void ArrangementCanvas::mouseUp(const juce::MouseEvent& e)
{
    const auto gesture = std::exchange(gesture_, Gesture::none);
    repaint();
    if (song_ == nullptr || e.getPosition().getDistanceFrom(down_) < dragThreshold)
        return;
    switch (gesture) {
    case Gesture::moveClips:
        if ((dragBars_ != 0 || dragLanes_ != 0) && onMoveClips)
            onMoveClips(selection_, dragBars_, dragLanes_);
        break;
    case Gesture::resizeClip:
        if (onResizeClip)
            onResizeClip(pressed_, resizeBars_, !e.mods.isAltDown());
        break;
    case Gesture::rubberBand: {
        const int first = std::max(0, laneAt(std::max(band_.getY(), rulerHeight))), last = laneAt(band_.getBottom());
        auto found = clipsInArea(*song_, first, last, barAtX(float(band_.getX())), barAtX(float(band_.getRight())));
        if (e.mods.isShiftDown() || e.mods.isCommandDown())
            for (const auto& r : selection_)
                if (std::find(found.begin(), found.end(), r) == found.end())
                    found.push_back(r);
        setSelection(std::move(found));
        break;
    }
    case Gesture::moveSection: {
        const int target = sectionAtBar(std::clamp(barAtX(float(e.x)), 0.0, double(song_->totalBars()) - 0.5));
        if (target >= 0 && target != pressedSection_ && onMoveSection)
            onMoveSection(pressedSection_, target);
        break;
    }
    case Gesture::none: break;
    }
}

void ArrangementCanvas::paintGesture(juce::Graphics& g) const
{
    g.setColour(theme::text.withAlpha(0.8f));
    if (gesture_ == Gesture::moveClips && (dragBars_ != 0 || dragLanes_ != 0)) {
        for (const auto& r : selection_) { // where the clips would land
            const auto& c = song_->tracks[size_t(r.lane)].clips[size_t(r.clip)];
            const auto lane = laneBounds(r.lane + dragLanes_);
            g.drawRect(juce::Rectangle<float>(xAtBar(c.startBar + dragBars_), float(lane.getY() + 3), float(c.bars * pixelsPerBar_),
                                              float(lane.getHeight() - 6)),
                       2.0f);
        }
    } else if (gesture_ == Gesture::resizeClip) {
        const auto& c = song_->tracks[size_t(pressed_.lane)].clips[size_t(pressed_.clip)];
        const auto lane = laneBounds(pressed_.lane);
        g.drawRect(juce::Rectangle<float>(xAtBar(c.startBar), float(lane.getY() + 3), float(resizeBars_ * pixelsPerBar_), float(lane.getHeight() - 6)), 2.0f);
    } else if (gesture_ == Gesture::rubberBand && !band_.isEmpty()) {
        g.setColour(theme::text.withAlpha(0.15f));
        g.fillRect(band_);
        g.setColour(theme::text.withAlpha(0.6f));
        g.drawRect(band_, 1);
    }
}

} // namespace loopmind
