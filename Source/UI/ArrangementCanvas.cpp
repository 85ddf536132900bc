#include "UI/ArrangementCanvas.h"
#include "UI/Theme.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
juce::Colour sectionColour(const std::string& name)
{
    if (name == "intro" || name == "outro") return juce::Colour(0xff3a4a5e);
    if (name == "build") return juce::Colour(0xff5e5236);
    if (name == "break") return juce::Colour(0xff3e5a4a);
    return juce::Colour(0xff5e3a48); // main / drop
}
} // namespace

void ArrangementCanvas::setSong(const Arrangement* arrangement, std::vector<bool> audible, const ThumbnailMap* thumbnails)
{
    song_ = arrangement;
    audible_ = std::move(audible);
    setSelection(std::move(selection_)); // drops clips the song no longer has
    thumbnails_ = thumbnails;
    repaint();
}

void ArrangementCanvas::setView(double firstBar, double pixelsPerBar)
{
    firstBar_ = firstBar;
    pixelsPerBar_ = std::max(1.0, pixelsPerBar);
    repaint();
}

void ArrangementCanvas::setPlayheadBar(double bar)
{
    if (std::abs(bar - playheadBar_) * pixelsPerBar_ < 0.5)
        return; // nothing moved on screen: skip the repaint
    // Repaint only the two thin strips the playhead leaves and enters.
    const auto strip = [this](double b) { return juce::Rectangle<int>(int(xAtBar(b)) - 2, 0, 5, getHeight()); };
    repaint(strip(playheadBar_));
    playheadBar_ = bar;
    repaint(strip(playheadBar_));
}

juce::Rectangle<int> ArrangementCanvas::laneBounds(int lane) const
{
    return { 0, rulerHeight + lane * laneHeight_, getWidth(), laneHeight_ };
}

int ArrangementCanvas::sectionAtBar(double bar) const
{
    if (song_ == nullptr)
        return -1;
    for (size_t i = 0; i < song_->sections.size(); ++i) {
        const auto& s = song_->sections[i];
        if (bar >= s.startBar && bar < s.startBar + s.bars)
            return int(i);
    }
    return -1;
}

void ArrangementCanvas::paint(juce::Graphics& g)
{
    g.fillAll(theme::window);
    if (song_ == nullptr) {
        g.setColour(theme::textDim);
        g.setFont(16.0f);
        g.drawText("No arrangement yet: add loops, then Generate (Ctrl+G).", getLocalBounds(), juce::Justification::centred);
        return;
    }
    for (int lane = 0; lane < int(song_->tracks.size()); ++lane)
        paintLane(g, lane);
    paintRuler(g);
    paintGesture(g);
    const float x = xAtBar(playheadBar_);
    g.setColour(theme::playhead);
    g.fillRect(x - 1.0f, 0.0f, 2.0f, float(getHeight()));
}

void ArrangementCanvas::paintRuler(juce::Graphics& g) const
{
    auto ruler = juce::Rectangle<int>(0, 0, getWidth(), rulerHeight);
    g.setColour(theme::panel);
    g.fillRect(ruler);
    for (const auto& s : song_->sections) {
        const float x0 = xAtBar(s.startBar), x1 = xAtBar(s.startBar + s.bars);
        if (x1 < 0 || x0 > float(getWidth()))
            continue;
        auto r = juce::Rectangle<float>(x0, 2.0f, x1 - x0, 18.0f).reduced(1.0f, 0.0f);
        g.setColour(sectionColour(s.name));
        g.fillRoundedRectangle(r, 3.0f);
        g.setColour(theme::text);
        g.setFont(13.0f);
        g.drawText(juce::String(s.name), r.reduced(4.0f, 0.0f), juce::Justification::centredLeft, true);
    }
    // Bar numbers, thinned out so they never overlap.
    const int step = pixelsPerBar_ >= 24 ? 1 : pixelsPerBar_ >= 12 ? 2 : pixelsPerBar_ >= 6 ? 4 : 8;
    g.setFont(11.0f);
    for (int bar = std::max(0, int(firstBar_)); bar <= song_->totalBars(); ++bar) {
        const float x = xAtBar(bar);
        if (x > float(getWidth()))
            break;
        g.setColour(theme::outline);
        g.fillRect(x, 22.0f, 1.0f, bar % 4 == 0 ? 16.0f : 6.0f);
        if (bar % step == 0) {
            g.setColour(theme::textDim);
            g.drawText(juce::String(bar + 1), int(x) + 3, 22, 40, 14, juce::Justification::centredLeft);
        }
    }
}

void ArrangementCanvas::paintLane(juce::Graphics& g, int lane) const
{
    const auto bounds = laneBounds(lane);
    if (!g.clipRegionIntersects(bounds))
        return;
    const auto& t = song_->tracks[size_t(lane)];
    g.setColour(lane % 2 ? theme::panel : theme::panelAlt.darker(0.2f));
    g.fillRect(bounds);
    // Every 4th bar a faint grid line, so clip edges can be read against the bar grid.
    g.setColour(theme::outline.withAlpha(0.5f));
    for (int bar = std::max(0, int(firstBar_)) / 4 * 4; bar <= song_->totalBars(); bar += 4)
        g.fillRect(xAtBar(bar), float(bounds.getY()), 1.0f, float(bounds.getHeight()));

    const bool audible = lane < int(audible_.size()) ? audible_[size_t(lane)] : true;
    const auto colour = audible ? theme::roleColour(t.role) : juce::Colour(0xff555a62);
    const LoopThumbnail* thumb = nullptr;
    if (thumbnails_ != nullptr)
        if (auto it = thumbnails_->find(t.loopPath); it != thumbnails_->end())
            thumb = it->second.get();
    const double passBars = double(std::max(1, t.loopBeats)) / song_->beatsPerBar;
    for (size_t i = 0; i < t.clips.size(); ++i) {
        const auto& c = t.clips[i];
        auto r = juce::Rectangle<float>(xAtBar(c.startBar), float(bounds.getY() + 3), float(c.bars * pixelsPerBar_),
                                        float(bounds.getHeight() - 6));
        if (r.getRight() < 0 || r.getX() > float(getWidth()))
            continue;
        const bool selected = std::find(selection_.begin(), selection_.end(), ClipRef { lane, int(i) }) != selection_.end();
        g.setColour(colour.withAlpha(selected ? 0.6f : 0.35f));
        g.fillRoundedRectangle(r, 4.0f);
        g.setColour(selected ? theme::text : colour);
        g.drawRoundedRectangle(r, 4.0f, selected ? 2.0f : 1.2f);
        if (thumb == nullptr)
            continue;
        // One waveform per pass of the loop; the last pass may be cut short by the clip's end.
        for (double start = c.startBar; start < c.startBar + c.bars; start += passBars) {
            const double end = std::min(start + passBars, double(c.startBar + c.bars));
            auto area = juce::Rectangle<float>(xAtBar(start), r.getY() + 3, float((end - start) * pixelsPerBar_), r.getHeight() - 6);
            drawThumbnail(g, *thumb, area, colour.brighter(0.3f), 0.0, (end - start) / passBars);
        }
    }
}

void ArrangementCanvas::mouseDoubleClick(const juce::MouseEvent& e)
{
    if (song_ == nullptr || e.y < rulerHeight)
        return;
    const int lane = laneAt(e.y);
    if (lane < 0 || lane >= int(song_->tracks.size()))
        return;
    const double bar = barAtX(float(e.x));
    if (clipAtBar(*song_, lane, bar) >= 0) {
        if (onClipDoubleClicked)
            onClipDoubleClicked(lane);
    } else if (onToggleClip && sectionAtBar(bar) >= 0) {
        onToggleClip(lane, sectionAtBar(bar));
    }
}

void ArrangementCanvas::mouseWheelMove(const juce::MouseEvent& e, const juce::MouseWheelDetails& w)
{
    if (!onWheel)
        return;
    const bool zoom = e.mods.isCommandDown() || e.mods.isCtrlDown();
    const float delta = std::abs(w.deltaX) > std::abs(w.deltaY) ? w.deltaX : w.deltaY;
    onWheel(delta, zoom, float(e.x));
}

} // namespace loopmind
