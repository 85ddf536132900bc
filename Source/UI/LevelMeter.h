#pragma once
// Master meter: a peak bar with hold and the short-term loudness (LUFS) as a number. Fed by a timer.
#include "UI/PeakBallistics.h"
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

class LevelMeter final : public juce::Component {
public:
    /** peak: linear sample peak since the last call; lufs: short-term loudness or -inf. */
    void setLevels(float peak, float lufs);
    void paint(juce::Graphics&) override;

private:
    PeakBallistics peak_;
    float holdDb_ = -100.0f, lufs_ = -INFINITY;
    int holdFrames_ = 0;
};

} // namespace loopmind
