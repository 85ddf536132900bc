#pragma once
// The arrangement panel: Generate/Variation with a seed field, zoom, lane headers with mute/solo, the canvas
// (ruler, clips, playhead) and a horizontal scroll bar. Lane headers also freeze (F, or a right click). Edits are reported through callbacks.
#include "Document/StudioDocument.h"
#include "UI/ArrangementCanvas.h"

namespace loopmind {

class ArrangementView final : public juce::Component, private juce::ScrollBar::Listener {
public:
    static constexpr int headerWidth = 150;

    ArrangementView();
    ~ArrangementView() override;

    void setSong(const SongState& song, const ThumbnailMap* thumbnails);
    void setPlayheadBar(double bar) { canvas_.setPlayheadBar(bar); }
    void zoom(double factor, float anchorX = 0);
    void zoomToFit();
    std::uint64_t seedFieldValue() const;
    void setSeedField(std::uint64_t seed);
    int numLanes() const { return int(headers_.size()); }
    /** A lane's clip area in this component's coordinates (for tests and hit checks). */
    juce::Rectangle<int> laneArea(int lane) const;
    ArrangementCanvas& canvas() { return canvas_; }
    /** The lane whose header was clicked last (-1: none): what lane commands act on. */
    int selectedLane() const { return selectedLane_; }
    void selectLane(int lane);
    /** Shows a freeze in progress on one lane (progress 0..1; lane -1: none). */
    void setFreezing(int lane, double progress);

    std::function<void()> onGenerate, onVariation;
    std::function<void(int lane, bool mute)> onMute;
    std::function<void(int lane, bool solo)> onSolo;
    std::function<void(int lane)> onFreeze; // freeze, or unfreeze a frozen lane

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    class LaneHeader;
    void scrollBarMoved(juce::ScrollBar*, double newRangeStart) override;
    void updateView();
    void layoutLanes();

    juce::Label title_ { {}, "Arrangement" }, seedLabel_ { {}, "Seed" }, info_;
    juce::TextEditor seed_;
    juce::TextButton generate_ { "Generate" }, variation_ { "Variation" };
    juce::TextButton zoomIn_ { "+" }, zoomOut_ { "-" }, fit_ { "Fit" };
    ArrangementCanvas canvas_;
    juce::ScrollBar scroll_ { false };
    std::vector<std::unique_ptr<LaneHeader>> headers_;
    int totalBars_ = 0;
    double firstBar_ = 0, pixelsPerBar_ = 0; // 0: fit the whole song
    int selectedLane_ = -1;
};

} // namespace loopmind
