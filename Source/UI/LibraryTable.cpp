#include "UI/LibraryTable.h"
#include "UI/Theme.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
juce::String fileName(const LoopInfo& l) { return juce::String::fromUTF8(l.path.filename().string().c_str()); }

double meanConfidence(const LoopInfo& l)
{
    return l.ok ? (l.bpmConfidence + l.keyConfidence + l.roleConfidence) / 3.0 : -1.0;
}

/** A number to sort by for numeric columns; missing values sort last. */
double sortNumber(const LoopInfo& l, int column)
{
    constexpr double missing = 1e12;
    switch (column) {
    case LibraryTable::bpm: return l.bpm.value_or(missing);
    case LibraryTable::bars: return l.beats > 0 ? l.beats : missing;
    case LibraryTable::length: return l.ok ? l.durationSeconds : missing;
    case LibraryTable::lufs: return l.lufs.value_or(missing);
    case LibraryTable::confidence: return l.ok ? -meanConfidence(l) : missing; // most confident first
    default: return 0;
    }
}
} // namespace

LibraryTable::LibraryTable()
{
    auto& h = table_.getHeader();
    const int sortable = juce::TableHeaderComponent::defaultFlags;
    h.addColumn("Wave", wave, 110, 60, 300, sortable & ~juce::TableHeaderComponent::sortable);
    h.addColumn("Name", name, 240, 80, 600, sortable);
    // Right after the name, so the reason is in view; shown only while some file has a problem.
    h.addColumn("Problem", problem, 360, 80, 1000, sortable);
    h.setColumnVisible(problem, false);
    h.addColumn("BPM", bpm, 60, 40, 100, sortable);
    h.addColumn("Key", key, 90, 50, 160, sortable);
    h.addColumn("Role", role, 70, 50, 140, sortable);
    h.addColumn("Bars", bars, 45, 35, 80, sortable);
    h.addColumn("Length", length, 65, 50, 100, sortable);
    h.addColumn("LUFS", lufs, 60, 45, 100, sortable);
    h.addColumn("Conf.", confidence, 55, 45, 100, sortable);
    h.setSortColumnId(name, true);
    h.setStretchToFitActive(true); // every column in view at any window width: no sideways scrolling
    table_.getViewport()->setScrollBarsShown(true, false);
    table_.setRowHeight(26);
    table_.setMultipleSelectionEnabled(false);
    addAndMakeVisible(table_);
}

void LibraryTable::setLoops(const std::vector<LoopInfo>& loops)
{
    // Rows without their waveform summaries: thumbnails come from the document's map, and a second copy of every
    // summary would hold a 10,000-loop library's largest part twice (about 160 MB).
    loops_.clear();
    loops_.reserve(loops.size());
    for (const auto& l : loops) {
        loops_.push_back(l);
        loops_.back().waveform = {};
    }
    texts_.assign(loops_.size(), {});
    for (size_t i = 0; i < loops_.size(); ++i) {
        auto& t = texts_[i];
        for (int c = name; c <= problem; ++c)
            t.cells[c] = cellText(loops_[i], c);
        t.searchable = (t.cells[name] + "\n" + t.cells[role] + "\n" + t.cells[key] + "\n" + t.cells[problem]).toLowerCase();
    }
    attachThumbnails();
    table_.getHeader().setColumnVisible(problem, std::any_of(loops_.begin(), loops_.end(), [](auto& l) { return !l.ok || l.warning; }));
    rebuildOrder();
}

void LibraryTable::setThumbnails(const ThumbnailMap* thumbnails)
{
    thumbnails_ = thumbnails;
    attachThumbnails();
    table_.repaint();
}

void LibraryTable::attachThumbnails()
{
    // Looked up once here, so painting a row is O(1) however big the library is.
    for (size_t i = 0; i < loops_.size(); ++i) {
        texts_[i].thumbnail = nullptr;
        if (thumbnails_ != nullptr)
            if (auto it = thumbnails_->find(loops_[i].path); it != thumbnails_->end())
                texts_[i].thumbnail = it->second;
    }
}

void LibraryTable::setFilter(const juce::String& text)
{
    filter_ = text.trim().toLowerCase();
    rebuildOrder();
}

void LibraryTable::setAuditioning(const std::filesystem::path& loop)
{
    auditioning_ = loop;
    table_.repaint();
}

void LibraryTable::cellClicked(int row, int, const juce::MouseEvent& e)
{
    if (onAudition && !e.mods.isPopupMenu())
        onAudition(row);
}

void LibraryTable::returnKeyPressed(int row)
{
    if (onAudition)
        onAudition(row);
}

bool LibraryTable::keyPressed(const juce::KeyPress& key)
{
    // Space in the library auditions the selected loop; elsewhere it is the transport's play/stop.
    if (key == juce::KeyPress::spaceKey && onAudition && selectedRow() >= 0) {
        onAudition(selectedRow());
        return true;
    }
    return false;
}

const LoopInfo* LibraryTable::loopAt(int row) const
{
    return row >= 0 && row < int(order_.size()) ? &loops_[size_t(order_[size_t(row)])] : nullptr;
}

juce::String LibraryTable::cellText(const LoopInfo& l, int column)
{
    switch (column) {
    case name: return fileName(l);
    case bpm: return l.bpm ? juce::String(*l.bpm, 1) : "-";
    case key: return l.key ? juce::String(*l.key) : (l.ok ? "?" : "");
    case role: return l.role ? juce::String(*l.role) : (l.ok ? "?" : "");
    case bars: return l.beats > 0 ? juce::String(double(l.beats) / 4.0, l.beats % 4 ? 2 : 0) : "-";
    case length: return l.ok ? juce::String(l.durationSeconds, 2) + " s" : "";
    case lufs: return l.lufs ? juce::String(*l.lufs, 1) : "-";
    case confidence: return l.ok ? juce::String(juce::roundToInt(meanConfidence(l) * 100.0)) + "%" : "";
    case problem: return juce::String::fromUTF8(l.error.value_or(l.warning.value_or("")).c_str());
    default: return {};
    }
}

void LibraryTable::rebuildOrder()
{
    order_.clear();
    for (int i = 0; i < int(loops_.size()); ++i)
        if (filter_.isEmpty() || texts_[size_t(i)].searchable.contains(filter_))
            order_.push_back(i);
    const int column = sortColumn_;
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
        const auto& la = loops_[size_t(a)];
        const auto& lb = loops_[size_t(b)];
        if (column == bpm || column == bars || column == length || column == lufs || column == confidence)
            return sortNumber(la, column) < sortNumber(lb, column);
        return texts_[size_t(a)].cells[column].compareNatural(texts_[size_t(b)].cells[column]) < 0;
    });
    if (!sortForwards_)
        std::reverse(order_.begin(), order_.end());
    table_.updateContent();
    table_.repaint();
}

void LibraryTable::sortOrderChanged(int newSortColumnId, bool isForwards)
{
    sortColumn_ = newSortColumnId;
    sortForwards_ = isForwards;
    rebuildOrder();
}

juce::String LibraryTable::getCellTooltip(int row, int column)
{
    const auto* l = loopAt(row);
    return l ? juce::String::fromUTF8(l->path.string().c_str()) + "\n" + cellText(*l, problem) : juce::String();
}

void LibraryTable::resized() { table_.setBounds(getLocalBounds()); }

void LibraryTable::paintRowBackground(juce::Graphics& g, int row, int, int, bool selected)
{
    g.fillAll(selected ? theme::selection : (row % 2 ? theme::panelAlt : theme::panel));
    if (const auto* l = loopAt(row); l != nullptr && !auditioning_.empty() && l->path == auditioning_) {
        g.setColour(theme::accent.withAlpha(0.22f));
        g.fillAll();
    }
}

void LibraryTable::paintCell(juce::Graphics& g, int row, int column, int w, int h, bool)
{
    const auto* l = loopAt(row);
    if (l == nullptr)
        return;
    const auto& text = texts_[size_t(order_[size_t(row)])];
    if (column == wave) {
        if (text.thumbnail)
            drawThumbnail(g, *text.thumbnail, juce::Rectangle<float>(2, 2, float(w - 4), float(h - 4)), theme::roleColour(l->role.value_or("")));
        if (!auditioning_.empty() && l->path == auditioning_) { // a play mark over the waveform
            juce::Path mark;
            mark.addTriangle(6.0f, 5.0f, 6.0f, float(h - 5), float(h - 10) + 6.0f, float(h) * 0.5f);
            g.setColour(theme::text);
            g.fillPath(mark);
        }
        return;
    }
    const bool bad = !l->ok, warned = l->ok && l->warning;
    g.setColour(bad ? theme::error : (warned && column == problem ? theme::warning : theme::text));
    g.setFont(14.0f);
    g.drawText(text.cells[column], 6, 0, w - 8, h, juce::Justification::centredLeft, true);
}

} // namespace loopmind
