#pragma once
// Finds clicks in rendered audio, for the tests: the render is high-passed and whitened by a short linear
// predictor fitted frame by frame; a sample whose prediction error stands far above the local error level on both
// sides, is short, and is not the attack of a louder sound, is a click. At bar lines (the loop seams) a lower bar
// applies, with "the error does not go on" in place of the attack rule, so a step that a downbeat would mask is
// still found.
#include <juce_audio_basics/juce_audio_basics.h>
#include <vector>

namespace loopmind::test {

struct Click {
    double seconds = 0;
    int channel = 0;
    double levelDb = 0;    // the error's amplitude, dBFS
    double salienceDb = 0; // over the local error level
    bool onBarLine = false;
};

struct BarGrid {
    double bpm = 0; // 0: no bar lines to check
    int beatsPerBar = 4;
};

std::vector<Click> findClicks(const juce::AudioBuffer<float>& audio, double sampleRate, BarGrid bars = {});

/** "3 clicks: 1.234 s ch0 -31 dBFS 40 dB bar line; ..." for failure messages. */
std::string describeClicks(const std::vector<Click>& clicks);

} // namespace loopmind::test
