#include "UI/RenderPanel.h"
#include "Core/PathText.h"
#include "UI/Theme.h"

namespace loopmind {

namespace {
const int rates[] = { 44100, 48000, 88200, 96000 };
enum OutputChoice { mixAndStems = 1, mixOnly, stemsOnly };

juce::String lufsText(const std::optional<double>& lufs)
{
    return lufs ? juce::String(*lufs, 1) + " LUFS" : juce::String("silent");
}
} // namespace

RenderPanel::RenderPanel()
{
    title_.setFont(juce::Font(17.0f, juce::Font::bold));
    output_.addItem("Mix + stems", mixAndStems);
    output_.addItem("Mix only", mixOnly);
    output_.addItem("Stems only", stemsOnly);
    output_.setTooltip("Stems are one file per track, unmastered, in the stems folder; the mix is mastered to the loudness preset.");
    output_.onChange = [this] { loudness_.setEnabled(output_.getSelectedId() != stemsOnly); }; // stems are not mastered
    format_.addItemList({ "WAV", "FLAC", "AIFF", "MP3 320", "Ogg 320" }, 1);
    bits_.addItemList({ "16", "24", "32f" }, 1);
    for (int r : rates)
        rate_.addItem(juce::String(r), r);
    // The core's delivery presets: the mix is mastered to the chosen loudness and true-peak ceiling.
    loudness_.addItemList({ "streaming", "broadcast", "apple", "club", "none" }, 1);
    loudness_.setSelectedId(1);
    loudness_.setTooltip("Master the mix to: streaming -14 LUFS / -1 dBTP, broadcast (EBU R128) -23 / -1, apple -16 / -1, "
                         "club -9 / -0.3; none writes the plain, unmastered sum.");
    format_.onChange = [this] {
        // 32-bit float is WAV only (the core says why otherwise); keep the choice valid.
        if (format_.getSelectedId() != 1 && bits_.getSelectedId() == 3)
            bits_.setSelectedId(2);
    };
    bits_.onChange = [this] {
        if (bits_.getSelectedId() == 3)
            format_.setSelectedId(1);
    };
    choose_.onClick = [this] { if (onChooseFolder) onChooseFolder(); };
    render_.onClick = [this] { if (onRender) onRender(); };
    cancel_.onClick = [this] { if (onCancel) onCancel(); };
    show_.onClick = [this] {
        if (!lastOutput_.empty())
            juce::File(juce::String::fromUTF8(lastOutput_.string().c_str())).revealToUser();
    };
    destination_.setColour(juce::Label::textColourId, theme::textDim);
    destination_.setMinimumHorizontalScale(0.5f);
    result_.setJustificationType(juce::Justification::topLeft);
    result_.setMinimumHorizontalScale(0.7f);
    for (juce::Component* c : std::initializer_list<juce::Component*> { &title_, &choose_, &destination_, &outputLabel_, &output_, &formatLabel_,
                                                                        &format_, &bitsLabel_, &bits_, &rateLabel_, &rate_,
                                                                        &loudnessLabel_, &loudness_, &render_, &result_ })
        addAndMakeVisible(c);
    addChildComponent(cancel_);
    addChildComponent(bar_);
    addChildComponent(show_);
    setSettings({});
}

RenderSettings RenderPanel::settings() const
{
    RenderSettings s;
    s.mix = output_.getSelectedId() != stemsOnly;
    s.stems = output_.getSelectedId() != mixOnly;
    s.folder = folder_;
    constexpr AudioFileFormat formats[] = { AudioFileFormat::wav, AudioFileFormat::flac, AudioFileFormat::aiff, AudioFileFormat::mp3,
                                            AudioFileFormat::ogg };
    s.format = formats[juce::jlimit(1, 5, format_.getSelectedId()) - 1];
    s.bitDepth = bits_.getSelectedId() == 1 ? 16 : bits_.getSelectedId() == 3 ? 32 : 24;
    s.sampleRate = rate_.getSelectedId() > 0 ? rate_.getSelectedId() : 44100;
    s.loudnessPreset = loudness_.getText().toStdString();
    return s;
}

void RenderPanel::setSettings(const RenderSettings& s)
{
    output_.setSelectedId(!s.mix ? stemsOnly : s.stems ? mixAndStems : mixOnly, juce::dontSendNotification);
    loudness_.setEnabled(s.mix);
    folder_ = s.folder;
    destination_.setText(folder_.empty() ? juce::String("(no destination chosen)") : juce::String::fromUTF8(pathText(folder_).c_str()),
                         juce::dontSendNotification);
    format_.setSelectedId(int(s.format) + 1, juce::dontSendNotification); // the items follow AudioFileFormat's order
    bits_.setSelectedId(s.bitDepth == 16 ? 1 : s.bitDepth == 32 ? 3 : 2, juce::dontSendNotification);
    rate_.setSelectedId(int(s.sampleRate), juce::dontSendNotification);
    if (rate_.getSelectedId() == 0)
        rate_.setSelectedId(44100, juce::dontSendNotification);
    int preset = 5; // "none" unless the name is one of the presets
    for (int i = 0; i < loudness_.getNumItems(); ++i)
        if (loudness_.getItemText(i).toStdString() == s.loudnessPreset)
            preset = loudness_.getItemId(i);
    loudness_.setSelectedId(preset, juce::dontSendNotification);
}

void RenderPanel::setRunning(bool running)
{
    render_.setEnabled(!running);
    cancel_.setVisible(running);
    bar_.setVisible(running);
    if (running) {
        show_.setVisible(false);
        progress_ = 0.0;
        bar_.setTextToDisplay("Preparing...");
        result_.setText({}, juce::dontSendNotification);
    }
    resized();
}

void RenderPanel::setProgress(double progress, double etaSeconds)
{
    progress_ = progress;
    const auto percent = juce::String(juce::roundToInt(progress * 100.0)) + "%";
    bar_.setTextToDisplay(etaSeconds >= 0 ? percent + "  -  " + juce::String(etaSeconds, 1) + " s left" : percent);
}

void RenderPanel::showMessage(const juce::String& text, bool isError)
{
    result_.setColour(juce::Label::textColourId, isError ? theme::error : theme::text);
    result_.setText(text, juce::dontSendNotification);
}

void RenderPanel::showOutcome(const RenderOutcome& o)
{
    setRunning(false);
    const auto& r = o.report;
    if (!r.ok) {
        showMessage(r.cancelled ? "Render cancelled: earlier files are untouched." : "Render failed: " + juce::String(r.error), !r.cancelled);
        return;
    }
    const bool mixWritten = !r.mixPath.empty();
    juce::String text = "Done: ";
    if (mixWritten)
        text << juce::String::fromUTF8(r.mixPath.filename().string().c_str()) << ", ";
    else
        text << int(r.stemPaths.size()) << " stems (no mix), ";
    text << juce::String(r.lengthSeconds, 1) << " s in " << juce::String(r.renderSeconds, 2) << " s";
    if (mixWritten) {
        text << "; peak " << juce::String(r.mixPeakDb, 1) << " dBFS";
        if (!r.stemPaths.empty())
            text << "; " << int(r.stemPaths.size()) << " stems";
    }
    text << ".";
    if (!mixWritten) {
        for (const auto& t : r.tracks) // the stems' loudness, as the report measured it
            if (t.stemPath)
                text << "\n" << juce::String::fromUTF8(t.stemPath->filename().string().c_str()) << ": " << lufsText(t.integratedLufs);
    } else if (r.mastered) {
        for (const auto& m : r.masters) {
            const auto& x = m.measurements;
            text << "\n" << juce::String(x.target.name) << ": "
                 << (x.measured.integratedLufs ? juce::String(*x.measured.integratedLufs, 1) + " LUFS" : juce::String("silent"))
                 << " (target " << juce::String(x.target.lufs, 1) << "), true peak "
                 << (x.measured.truePeakDb ? juce::String(*x.measured.truePeakDb, 1) + " dBTP" : juce::String("-inf"))
                 << " (ceiling " << juce::String(x.target.truePeakDb, 1) << ")";
        }
    } else {
        text << "\nUnmastered (loudness preset: none)" << (r.premaster.integratedLufs ? ": " + juce::String(*r.premaster.integratedLufs, 1) + " LUFS" : juce::String());
    }
    for (const auto& w : r.warnings)
        text << "\n" << juce::String::fromUTF8(w.c_str());
    for (const auto& p : o.problems)
        text << "\n" << juce::String::fromUTF8(p.c_str());
    showMessage(text, false);
    lastOutput_ = mixWritten ? r.mixPath : (r.stemPaths.empty() ? std::filesystem::path() : r.stemPaths.front());
    show_.setVisible(true);
    resized();
}

void RenderPanel::paint(juce::Graphics& g) { g.fillAll(theme::panel); }

void RenderPanel::resized()
{
    auto area = getLocalBounds().reduced(6);
    auto row = area.removeFromTop(28);
    title_.setBounds(row.removeFromLeft(70));
    choose_.setBounds(row.removeFromLeft(110));
    row.removeFromLeft(6);
    destination_.setBounds(row);
    area.removeFromTop(4);
    row = area.removeFromTop(26);
    auto place = [&row](juce::Label& label, juce::ComboBox& box, int labelWidth, int boxWidth) {
        label.setBounds(row.removeFromLeft(labelWidth));
        box.setBounds(row.removeFromLeft(boxWidth));
        row.removeFromLeft(8);
    };
    place(outputLabel_, output_, 52, 116);
    place(formatLabel_, format_, 50, 80);
    place(bitsLabel_, bits_, 36, 64);
    area.removeFromTop(4);
    row = area.removeFromTop(26);
    row.removeFromLeft(176); // under Format
    place(rateLabel_, rate_, 50, 80);
    place(loudnessLabel_, loudness_, 66, 110);
    area.removeFromTop(6);
    row = area.removeFromTop(28);
    render_.setBounds(row.removeFromLeft(90));
    row.removeFromLeft(6);
    if (cancel_.isVisible()) {
        cancel_.setBounds(row.removeFromRight(70));
        row.removeFromRight(6);
        bar_.setBounds(row);
    } else if (show_.isVisible()) {
        show_.setBounds(row.removeFromLeft(120));
    }
    area.removeFromTop(4);
    result_.setBounds(area);
}

} // namespace loopmind
