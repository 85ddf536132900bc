#pragma once
// A dark LookAndFeel with good contrast, set once on the whole app.
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

class StudioLookAndFeel final : public juce::LookAndFeel_V4 {
public:
    StudioLookAndFeel();
    void drawProgressBar(juce::Graphics&, juce::ProgressBar&, int width, int height, double progress,
                         const juce::String& text) override;
};

} // namespace loopmind
