#include "UI/ArrangementView.h"
#include "UI/Theme.h"
#include <algorithm>

namespace loopmind {

namespace {
constexpr int toolbarHeight = 34, scrollHeight = 12;
}

/** Name, role stripe, mute/solo toggles and the freeze switch for one lane; a click selects it, a right click
    offers freezing. */
class ArrangementView::LaneHeader final : public juce::Component {
public:
    LaneHeader(ArrangementView& owner, int lane, const ArrangementTrack& track, LaneMix mix)
        : owner_(owner), lane_(lane), role_(track.role), frozen_(track.frozen)
    {
        name_.setText(juce::String(track.name), juce::dontSendNotification);
        name_.setFont(14.0f);
        name_.setTooltip(juce::String::fromUTF8(track.loopPath.filename().string().c_str()));
        loopName_ = juce::String::fromUTF8(track.loopPath.stem().string().c_str());
        loop_.setFont(11.0f);
        setFreezing(-1);
        for (auto* b : { &mute_, &solo_, &freeze_ }) {
            b->setClickingTogglesState(false); // the document decides; the button shows its state
            addAndMakeVisible(*b);
        }
        mute_.setColour(juce::TextButton::buttonOnColourId, juce::Colour(0xffd0a030));
        solo_.setColour(juce::TextButton::buttonOnColourId, juce::Colour(0xff30a0d0));
        mute_.setToggleState(mix.mute, juce::dontSendNotification);
        solo_.setToggleState(mix.solo, juce::dontSendNotification);
        mute_.onClick = [&owner, lane, this] { if (owner.onMute) owner.onMute(lane, !mute_.getToggleState()); };
        solo_.onClick = [&owner, lane, this] { if (owner.onSolo) owner.onSolo(lane, !solo_.getToggleState()); };
        freeze_.setColour(juce::TextButton::buttonOnColourId, frozenColour);
        freeze_.setToggleState(frozen_, juce::dontSendNotification);
        freeze_.setTooltip(frozen_ ? "Frozen: plays its rendered audio. Click to unfreeze (Ctrl+Shift+F)"
                                   : "Freeze: render the loop and its inserts once, and play that (Ctrl+Shift+F)");
        freeze_.onClick = [&owner, lane] { if (owner.onFreeze) owner.onFreeze(lane); };
        addAndMakeVisible(name_);
        addAndMakeVisible(loop_);
    }
    /** progress < 0: not freezing. */
    void setFreezing(double progress)
    {
        const auto text = progress >= 0 ? "freezing " + juce::String(juce::roundToInt(progress * 100)) + " %"
                                        : (frozen_ ? "frozen: " + loopName_ : loopName_);
        loop_.setText(text, juce::dontSendNotification);
        loop_.setColour(juce::Label::textColourId, progress >= 0 || frozen_ ? frozenColour : theme::textDim);
    }
    void mouseDown(const juce::MouseEvent& e) override
    {
        owner_.selectLane(lane_);
        if (!e.mods.isPopupMenu())
            return;
        juce::PopupMenu menu;
        menu.addItem(1, frozen_ ? "Unfreeze track" : "Freeze track");
        menu.showMenuAsync(juce::PopupMenu::Options().withTargetComponent(this), [&owner = owner_, lane = lane_](int chosen) {
            if (chosen == 1 && owner.onFreeze)
                owner.onFreeze(lane);
        });
    }
    void paint(juce::Graphics& g) override
    {
        g.fillAll(owner_.selectedLane() == lane_ ? theme::panel.brighter(0.12f) : theme::panel);
        g.setColour(theme::roleColour(role_));
        g.fillRect(0, 2, 4, getHeight() - 4);
        g.setColour(theme::outline);
        g.fillRect(0, getHeight() - 1, getWidth(), 1);
    }
    void resized() override
    {
        auto r = getLocalBounds().reduced(6, 2);
        auto buttons = r.removeFromRight(50);
        const int bh = std::min(20, buttons.getHeight() / 2);
        mute_.setBounds(buttons.removeFromTop(bh).reduced(1));
        solo_.setBounds(buttons.removeFromTop(bh).reduced(1));
        freeze_.setBounds(r.removeFromRight(24).removeFromTop(bh).reduced(1));
        name_.setBounds(r.removeFromTop(std::min(20, r.getHeight())));
        loop_.setBounds(r);
    }

private:
    static inline const juce::Colour frozenColour { 0xff7fc8f0 };
    ArrangementView& owner_;
    const int lane_;
    std::string role_;
    const bool frozen_;
    juce::String loopName_;
    juce::Label name_, loop_;
    juce::TextButton mute_ { "M" }, solo_ { "S" }, freeze_ { "F" };
};

ArrangementView::ArrangementView()
{
    title_.setFont(juce::Font(17.0f, juce::Font::bold));
    info_.setColour(juce::Label::textColourId, theme::textDim);
    seed_.setInputRestrictions(12, "0123456789");
    seed_.setText("1", false);
    seed_.setTooltip("Same loops + same seed = the same song");
    generate_.setTooltip("Generate a song from the library with this seed (Ctrl+G)");
    variation_.setTooltip("Generate again with a new seed (Ctrl+Shift+G)");
    generate_.onClick = [this] { if (onGenerate) onGenerate(); };
    variation_.onClick = [this] { if (onVariation) onVariation(); };
    zoomIn_.onClick = [this] { zoom(1.5); };
    zoomOut_.onClick = [this] { zoom(1.0 / 1.5); };
    fit_.onClick = [this] { zoomToFit(); };
    for (juce::Component* c : std::initializer_list<juce::Component*> { &title_, &seedLabel_, &seed_, &generate_, &variation_,
                                                                        &info_, &zoomOut_, &zoomIn_, &fit_, &canvas_, &scroll_ })
        addAndMakeVisible(c);
    scroll_.addListener(this);
    scroll_.setAutoHide(false);
    canvas_.onWheel = [this](float delta, bool zooming, float x) {
        if (zooming)
            zoom(delta > 0 ? 1.2 : 1.0 / 1.2, x);
        else
            scroll_.setCurrentRangeStart(firstBar_ - double(delta) * 8.0);
    };
}

ArrangementView::~ArrangementView() { scroll_.removeListener(this); }

std::uint64_t ArrangementView::seedFieldValue() const
{
    return std::uint64_t(std::max<juce::int64>(0, seed_.getText().getLargeIntValue()));
}

void ArrangementView::setSeedField(std::uint64_t seed) { seed_.setText(juce::String(juce::int64(seed)), false); }

void ArrangementView::setSong(const SongState& song, const ThumbnailMap* thumbnails)
{
    headers_.clear();
    const auto* a = song.arrangement ? &*song.arrangement : nullptr;
    std::vector<bool> audible;
    if (a != nullptr) {
        const bool anySolo = std::any_of(song.lanes.begin(), song.lanes.end(), [](auto& l) { return l.solo; });
        for (size_t i = 0; i < a->tracks.size(); ++i) {
            const auto mix = i < song.lanes.size() ? song.lanes[i] : LaneMix {};
            audible.push_back(!mix.mute && (!anySolo || mix.solo));
            headers_.push_back(std::make_unique<LaneHeader>(*this, int(i), a->tracks[i], mix));
            addAndMakeVisible(*headers_.back());
        }
        info_.setText(juce::String(a->tracks.size()) + " tracks, " + juce::String(a->totalBars()) + " bars, "
                          + juce::String(a->lengthInSeconds(), 1) + " s",
                      juce::dontSendNotification);
        setSeedField(song.seed);
    } else {
        info_.setText({}, juce::dontSendNotification);
    }
    totalBars_ = a ? a->totalBars() : 0;
    if (selectedLane_ >= int(headers_.size()))
        selectedLane_ = -1;
    canvas_.setSong(a, std::move(audible), thumbnails);
    resized();
}

void ArrangementView::selectLane(int lane)
{
    selectedLane_ = lane;
    for (auto& h : headers_)
        h->repaint();
}

void ArrangementView::setFreezing(int lane, double progress)
{
    for (int i = 0; i < int(headers_.size()); ++i)
        headers_[size_t(i)]->setFreezing(i == lane ? progress : -1.0);
}

juce::Rectangle<int> ArrangementView::laneArea(int lane) const
{
    return canvas_.laneBounds(lane).translated(canvas_.getX(), canvas_.getY()).getIntersection(canvas_.getBounds());
}

void ArrangementView::zoom(double factor, float anchorX)
{
    const double current = pixelsPerBar_ > 0 ? pixelsPerBar_ : double(canvas_.getWidth()) / std::max(1, totalBars_);
    const double anchorBar = canvas_.barAtX(anchorX);
    pixelsPerBar_ = std::clamp(current * factor, 2.0, 400.0);
    firstBar_ = anchorBar - double(anchorX) / pixelsPerBar_; // keep the bar under the mouse in place
    updateView();
}

void ArrangementView::zoomToFit()
{
    pixelsPerBar_ = 0;
    firstBar_ = 0;
    updateView();
}

void ArrangementView::updateView()
{
    const double width = std::max(1, canvas_.getWidth());
    const double ppb = pixelsPerBar_ > 0 ? pixelsPerBar_ : width / std::max(1, totalBars_);
    const double visibleBars = width / ppb;
    firstBar_ = std::clamp(firstBar_, 0.0, std::max(0.0, double(totalBars_) - visibleBars));
    scroll_.setRangeLimits(0.0, std::max<double>(totalBars_, visibleBars), juce::dontSendNotification);
    scroll_.setCurrentRange(firstBar_, visibleBars, juce::dontSendNotification);
    canvas_.setView(firstBar_, ppb);
}

void ArrangementView::scrollBarMoved(juce::ScrollBar*, double newRangeStart)
{
    firstBar_ = newRangeStart;
    updateView();
}

void ArrangementView::paint(juce::Graphics& g)
{
    g.fillAll(theme::panel);
    g.setColour(theme::textDim);
    g.setFont(11.0f);
    g.drawFittedText("Drag clips, edges, a band; Ctrl+D/C/X/V\nDouble-click: swap loop / add clip\nRight-click: remove; on ruler: menu",
                     juce::Rectangle<int>(6, toolbarHeight, headerWidth - 8, ArrangementCanvas::rulerHeight),
                     juce::Justification::topLeft, 3, 1.0f);
}

void ArrangementView::layoutLanes()
{
    const int lanes = std::max(1, int(headers_.size()));
    const int available = canvas_.getHeight() - ArrangementCanvas::rulerHeight;
    canvas_.setLaneHeight(std::clamp(available / lanes, 34, 90)); // lanes scale with the window
    for (size_t i = 0; i < headers_.size(); ++i) {
        const auto lane = canvas_.laneBounds(int(i));
        headers_[i]->setBounds(0, canvas_.getY() + lane.getY(), headerWidth, lane.getHeight());
    }
}

void ArrangementView::resized()
{
    auto area = getLocalBounds();
    auto bar = area.removeFromTop(toolbarHeight).reduced(6, 3);
    title_.setBounds(bar.removeFromLeft(120));
    seedLabel_.setBounds(bar.removeFromLeft(40));
    seed_.setBounds(bar.removeFromLeft(90));
    bar.removeFromLeft(6);
    generate_.setBounds(bar.removeFromLeft(90));
    bar.removeFromLeft(4);
    variation_.setBounds(bar.removeFromLeft(90));
    fit_.setBounds(bar.removeFromRight(44));
    zoomIn_.setBounds(bar.removeFromRight(30));
    zoomOut_.setBounds(bar.removeFromRight(30));
    bar.removeFromLeft(10);
    info_.setBounds(bar);
    scroll_.setBounds(area.removeFromBottom(scrollHeight).withTrimmedLeft(headerWidth));
    canvas_.setBounds(area.withTrimmedLeft(headerWidth));
    layoutLanes();
    updateView();
}

} // namespace loopmind
