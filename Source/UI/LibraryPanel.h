#pragma once
// The library side of the window: Add Folder, search, scan progress with Cancel, status line and the table.
// It only shows and asks; the scan itself runs in LibraryScanner on its own thread.
#include "UI/LibraryTable.h"

namespace loopmind {

class LibraryPanel final : public juce::Component {
public:
    LibraryPanel();
    std::function<void()> onAddFolder, onCancelScan;

    void setScanning(bool scanning);
    void setProgress(double p) { progress_ = p; }
    void setStatus(const juce::String& text);
    juce::String status() const { return status_.getText(); }
    bool isScanning() const { return progressBar_.isVisible(); }
    LibraryTable& table() { return table_; }
    juce::TextEditor& searchBox() { return search_; }

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    juce::Label title_ { {}, "Library" };
    juce::TextButton addFolder_ { "Add Folder..." };
    juce::TextEditor search_;
    double progress_ = 0.0;
    juce::ProgressBar progressBar_ { progress_ };
    juce::TextButton cancel_ { "Cancel" };
    juce::Label status_;
    LibraryTable table_;
};

} // namespace loopmind
