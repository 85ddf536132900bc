#pragma once
// The demo library as a table: name, BPM, key, role, length, loudness. Filled from a background scan.
#include "Library/LoopInfo.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <vector>

namespace loopmind {

class LibraryTable final : public juce::Component, private juce::TableListBoxModel {
public:
    LibraryTable();
    void setStatus(const juce::String& text);
    void setLoops(std::vector<LoopInfo> loops);
    int numRows() const { return int(loops_.size()); }
    void resized() override;
    void paint(juce::Graphics& g) override;

private:
    int getNumRows() override { return int(loops_.size()); }
    void paintRowBackground(juce::Graphics&, int row, int w, int h, bool selected) override;
    void paintCell(juce::Graphics&, int row, int column, int w, int h, bool selected) override;
    juce::String cellText(const LoopInfo& l, int column) const;

    juce::Label status_;
    juce::TableListBox table_ { "Library", this };
    std::vector<LoopInfo> loops_;
};

} // namespace loopmind
