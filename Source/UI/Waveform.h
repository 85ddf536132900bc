#pragma once
// Draws a loop's thumbnail (Document/LoopThumbnail) anywhere: library rows, arrangement clips.
#include "Document/LoopThumbnail.h"
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

/** Draws the span [from, to) of the thumbnail (fractions of the loop) into area. */
void drawThumbnail(juce::Graphics& g, const LoopThumbnail& thumb, juce::Rectangle<float> area, juce::Colour colour,
                   double from = 0.0, double to = 1.0);

} // namespace loopmind
