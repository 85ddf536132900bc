#pragma once
// The loop library as a sortable, filterable table with a waveform thumbnail per row. Bad files stay
// in the list, in red, with the reason: nothing is hidden silently.
#include "Library/LoopInfo.h"
#include "UI/Waveform.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <vector>

namespace loopmind {

class LibraryTable final : public juce::Component, private juce::TableListBoxModel {
public:
    enum Column { wave = 1, name, bpm, key, role, bars, length, lufs, confidence, problem };

    LibraryTable();
    void setLoops(const std::vector<LoopInfo>& loops);
    void setThumbnails(const ThumbnailMap* thumbnails); // not owned; repaints
    void setFilter(const juce::String& text);
    int numRows() const { return int(order_.size()); }   // rows shown (after the filter)
    int numLoops() const { return int(loops_.size()); }  // everything scanned
    const LoopInfo* loopAt(int row) const;
    juce::TableListBox& table() { return table_; }

    static juce::String cellText(const LoopInfo& l, int column);
    void resized() override;

private:
    int getNumRows() override { return numRows(); }
    void paintRowBackground(juce::Graphics&, int row, int w, int h, bool selected) override;
    void paintCell(juce::Graphics&, int row, int column, int w, int h, bool selected) override;
    void sortOrderChanged(int newSortColumnId, bool isForwards) override;
    juce::String getCellTooltip(int row, int column) override;
    void rebuildOrder();

    juce::TableListBox table_ { "Library", this };
    std::vector<LoopInfo> loops_;
    std::vector<int> order_; // indices into loops_, filtered and sorted
    juce::String filter_;
    int sortColumn_ = name;
    bool sortForwards_ = true;
    const ThumbnailMap* thumbnails_ = nullptr;
};

} // namespace loopmind
