// A 10,000-loop library (the size issue 17 names) stays responsive: synthetic LoopInfos (no files, no decoding)
// with waveform summaries fill the table; the message-thread work (merge, table texts, filter + sort per column,
// paint) is measured and printed. No timed assertions (speed is reported, not asserted); what is asserted: every
// row is there, filter and sort are right, and thumbnails are drawn from the summaries for files that do not even exist.
#include "GuiStudioFixture.h"
#include "UI/Theme.h"
#include <fstream>
#include <iostream>

using namespace loopmind;
using namespace loopmind::test;

namespace {
const char* const roles[] = { "drums", "bass", "chords", "melody", "fx", "vocal" };
const char* const keys[] = { "A minor", "C major", "F major", "D minor", "G major", "E minor" };

std::vector<LoopInfo> syntheticLoops(int count)
{
    std::vector<LoopInfo> loops;
    for (int i = 0; i < count; ++i) {
        LoopInfo l;
        l.path = std::filesystem::path("/nonexistent/large-library") / ("Loop " + std::to_string(10000 + i) + " " + roles[i % 6] + ".wav");
        l.ok = true;
        l.sampleRate = 44100;
        l.channels = 2;
        l.bpm = 80.0 + (i * 37 % 90);
        l.beats = 4 * (1 + i % 4);
        l.durationSeconds = l.beats * 60.0 / *l.bpm;
        l.key = keys[(i / 6) % 6];
        l.role = roles[i % 6];
        l.lufs = -8.0 - (i * 13 % 120) / 10.0;
        l.bpmConfidence = l.keyConfidence = l.roleConfidence = 0.5 + (i % 50) / 100.0;
        auto& level = l.waveform.levels.emplace_back();
        level.samplesPerBin = 256;
        const int bins = int(l.durationSeconds * 44100 / 256);
        for (int b = 0; b < bins; ++b) { // a decaying hit on every beat
            const double phase = std::fmod(double(b) * 256 / 44100 * *l.bpm / 60.0, 1.0);
            const float v = float(0.9 * std::exp(-6.0 * phase) + 0.05);
            level.minimum.push_back(-v);
            level.maximum.push_back(v * 0.9f);
        }
        analysis::addCoarserLevels(l.waveform);
        loops.push_back(std::move(l));
    }
    return loops;
}

double msSince(double start) { return juce::Time::getMillisecondCounterHiRes() - start; }

std::string loadAverage()
{
    std::ifstream f("/proc/loadavg");
    std::string one, five, fifteen;
    f >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

struct LibraryFigures {
    double merge = 0, thumbnails = 0, setLoops = 0, filter = 0, paintTop = 0, paintMiddle = 0, perRowPaint = 0;
    double sortWorst = 0;
};

LibraryFigures measure(int count, bool print)
{
    LibraryFigures f;
    auto studio = makeStudio(false);
    studio->setSize(1600, 1000);
    auto& doc = studio->document();
    auto& panel = studio->libraryPanel();
    auto& table = panel.table();
    auto loops = syntheticLoops(count);

    auto t = juce::Time::getMillisecondCounterHiRes();
    doc.mergeLoops(loops);
    f.merge = msSince(t);
    t = juce::Time::getMillisecondCounterHiRes();
    for (const auto& l : doc.loops) // the scanner does this on its thread; timed here to show it is cheap
        doc.thumbnails[l.path] = thumbnailFromSummary(l.waveform);
    f.thumbnails = msSince(t);
    t = juce::Time::getMillisecondCounterHiRes();
    table.setLoops(doc.loops);
    table.setThumbnails(&doc.thumbnails);
    f.setLoops = msSince(t);
    REQUIRE(table.numRows() == count);

    for (int column : { LibraryTable::name, LibraryTable::bpm, LibraryTable::key, LibraryTable::role, LibraryTable::bars,
                        LibraryTable::length, LibraryTable::lufs, LibraryTable::confidence }) {
        table.table().getHeader().setSortColumnId(column, true);
        pumpFor(0.02); // the header re-sorts asynchronously
        t = juce::Time::getMillisecondCounterHiRes();
        table.setFilter({}); // filter + sort on the current column: the whole rebuild
        const double ms = msSince(t);
        f.sortWorst = std::max(f.sortWorst, ms);
        if (print)
            std::cout << "  sort by column " << column << ": " << ms << " ms\n";
    }
    table.table().getHeader().setSortColumnId(LibraryTable::bpm, true);
    pumpFor(0.02);
    for (int r = 1; r < table.numRows(); ++r)
        REQUIRE(*table.loopAt(r - 1)->bpm <= *table.loopAt(r)->bpm);

    t = juce::Time::getMillisecondCounterHiRes();
    table.setFilter("bass");
    f.filter = msSince(t);
    CHECK(table.numRows() == (count + 4) / 6);
    table.setFilter({});

    // Paint: one warm-up (fonts, glyph caches), then the mean of five, without the PNG encoding.
    const auto paintMs = [&panel] {
        panel.createComponentSnapshot(panel.getLocalBounds());
        const auto start = juce::Time::getMillisecondCounterHiRes();
        for (int i = 0; i < 5; ++i)
            panel.createComponentSnapshot(panel.getLocalBounds());
        return msSince(start) / 5.0;
    };
    f.paintTop = paintMs();
    table.table().scrollToEnsureRowIsOnscreen(count / 2);
    f.paintMiddle = paintMs();
    const auto middle = snapshot(panel, "library-" + juce::String(count) + "-middle");
    const int visibleRows = table.table().getHeight() / table.table().getRowHeight();
    f.perRowPaint = f.paintMiddle / std::max(1, visibleRows);

    // Thumbnails for files that do not exist are drawn: they come from the summaries, never from disk.
    const int firstVisible = table.table().getRowContainingPosition(2, table.table().getHeaderHeight() + 2);
    REQUIRE(firstVisible >= 0);
    const auto origin = table.getBoundsInParent().getPosition();
    const auto rowArea = table.table().getRowPosition(firstVisible + 1, true).translated(origin.x, origin.y + table.table().getHeaderHeight());
    const auto wave = rowArea.withWidth(table.table().getHeader().getColumnWidth(LibraryTable::wave));
    CHECK(countDifferent(middle, wave, (firstVisible + 1) % 2 ? theme::panelAlt : theme::panel) > 100);
    return f;
}
} // namespace

TEST_CASE("a 10,000-loop library: message-thread work measured, thumbnails from summaries", "[gui][library][large]")
{
    std::cout << "library responsiveness (load " << loadAverage() << "; other builds may share the 2 cores)\n";
    const auto small = measure(100, false);
    const auto large = measure(10000, true);
    auto row = [](const char* what, double a, double b) {
        std::cout << "  " << what << ": 100 loops " << juce::String(a, 2) << " ms, 10,000 loops " << juce::String(b, 2) << " ms\n";
    };
    row("merge into the document", small.merge, large.merge);
    row("thumbnails from summaries (scanner thread)", small.thumbnails, large.thumbnails);
    row("table texts + thumbnail lookup", small.setLoops, large.setLoops);
    row("worst filter + sort", small.sortWorst, large.sortWorst);
    row("filter 'bass'", small.filter, large.filter);
    row("paint panel (top)", small.paintTop, large.paintTop);
    row("paint panel (scrolled to middle)", small.paintMiddle, large.paintMiddle);
    row("paint per visible row (panel paint / rows in view)", small.perRowPaint, large.perRowPaint);
    std::ifstream status("/proc/self/status"); // what holding 10,000 loops (summaries, thumbnails, rows) cost
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            std::cout << "  peak resident memory of the test process: " << line.substr(6) << "\n";
    std::cout << "{\"bench\":\"gui-library\",\"loops\":10000,\"setLoopsMs\":" << large.setLoops << ",\"sortWorstMs\":" << large.sortWorst
              << ",\"paintMs\":" << large.paintMiddle << ",\"paintMs100\":" << small.paintMiddle << "}\n";
}
