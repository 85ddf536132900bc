#include "UI/LibraryTable.h"
#include <cmath>

namespace loopmind {

namespace {
enum Column { name = 1, bpm, key, role, length, lufs, problem };
}

LibraryTable::LibraryTable()
{
    auto& header = table_.getHeader();
    header.addColumn("Name", name, 320);
    header.addColumn("BPM", bpm, 70);
    header.addColumn("Key", key, 100);
    header.addColumn("Role", role, 80);
    header.addColumn("Length", length, 80);
    header.addColumn("LUFS", lufs, 70);
    header.addColumn("Problem", problem, 300);
    table_.setColour(juce::ListBox::backgroundColourId, juce::Colour(0xff1e2126));
    status_.setColour(juce::Label::textColourId, juce::Colours::lightgrey);
    addAndMakeVisible(status_);
    addAndMakeVisible(table_);
}

void LibraryTable::setStatus(const juce::String& text) { status_.setText(text, juce::dontSendNotification); }

void LibraryTable::setLoops(std::vector<LoopInfo> loops)
{
    loops_ = std::move(loops);
    table_.updateContent();
    repaint();
}

void LibraryTable::resized()
{
    auto area = getLocalBounds().reduced(8);
    status_.setBounds(area.removeFromTop(28));
    table_.setBounds(area);
}

void LibraryTable::paint(juce::Graphics& g) { g.fillAll(juce::Colour(0xff16181c)); }

void LibraryTable::paintRowBackground(juce::Graphics& g, int row, int, int, bool selected)
{
    g.fillAll(selected ? juce::Colour(0xff2f5d8a) : (row % 2 ? juce::Colour(0xff23262c) : juce::Colour(0xff1e2126)));
}

juce::String LibraryTable::cellText(const LoopInfo& l, int column) const
{
    switch (column) {
    case name: return juce::String::fromUTF8(l.path.filename().string().c_str());
    case bpm: return l.bpm ? juce::String(*l.bpm, 1) : "-";
    case key: return l.key ? juce::String(*l.key) : "?";
    case role: return l.role ? juce::String(*l.role) : "?";
    case length: return l.ok ? juce::String(l.durationSeconds, 2) + " s" : "";
    case lufs: return l.lufs ? juce::String(*l.lufs, 1) : "-";
    case problem: return juce::String::fromUTF8(l.error.value_or(l.warning.value_or("")).c_str());
    default: return {};
    }
}

void LibraryTable::paintCell(juce::Graphics& g, int row, int column, int w, int h, bool)
{
    if (row < 0 || row >= int(loops_.size()))
        return;
    const auto& l = loops_[size_t(row)];
    g.setColour(l.ok ? juce::Colours::white : juce::Colour(0xffff8080));
    g.setFont(14.0f);
    g.drawText(cellText(l, column), 6, 0, w - 8, h, juce::Justification::centredLeft, true);
}

} // namespace loopmind
