#pragma once
// The loop library as a sortable, filterable table with a waveform thumbnail per row. Bad files stay
// in the list, in red, with the reason: nothing is hidden silently. Click a row or press Space to audition it.
// Everything per row is O(1) at paint time (texts are formatted when loops arrive); filtering and sorting are
// O(n log n) on cached keys.
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
    int selectedRow() const { return table_.getSelectedRow(); }
    void selectRow(int row) { table_.selectRow(row); }
    /** Marks the row of this loop as auditioning (empty path: none). */
    void setAuditioning(const std::filesystem::path& loop);
    /** Click on a row or Space in the table: the row to audition (or stop auditioning). */
    std::function<void(int row)> onAudition;
    juce::TableListBox& table() { return table_; }

    static juce::String cellText(const LoopInfo& l, int column);
    void resized() override;
    bool keyPressed(const juce::KeyPress& key) override;

private:
    int getNumRows() override { return numRows(); }
    void paintRowBackground(juce::Graphics&, int row, int w, int h, bool selected) override;
    void paintCell(juce::Graphics&, int row, int column, int w, int h, bool selected) override;
    void sortOrderChanged(int newSortColumnId, bool isForwards) override;
    void cellClicked(int row, int column, const juce::MouseEvent&) override;
    void returnKeyPressed(int row) override;
    juce::String getCellTooltip(int row, int column) override;
    void rebuildOrder();

    juce::TableListBox table_ { "Library", this };
    /** What a row shows and is sorted and searched by, formatted once when the loops arrive. */
    struct RowText {
        juce::String cells[problem + 1];
        juce::String searchable; // name, role, key and problem in lower case
        std::shared_ptr<const LoopThumbnail> thumbnail;
    };
    void attachThumbnails();
    std::vector<LoopInfo> loops_;
    std::vector<RowText> texts_; // parallel to loops_
    std::vector<int> order_; // indices into loops_, filtered and sorted
    std::filesystem::path auditioning_;
    juce::String filter_;
    int sortColumn_ = name;
    bool sortForwards_ = true;
    const ThumbnailMap* thumbnails_ = nullptr;
};

} // namespace loopmind
