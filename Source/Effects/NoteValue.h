#pragma once
// Tempo-synced lengths: a note value (1/16 ... 4/1) with a straight, dotted or triplet feel, in quarter notes.
#include <juce_core/juce_core.h>

namespace loopmind::effects {

/** Choice lists of note values; the index is what a parameter stores. */
juce::StringArray noteValueNames(bool includeLongNotes);
juce::StringArray noteFeelNames();

/** Length in quarter notes of note value `index` (from noteValueNames) with feel `feel` (from noteFeelNames). */
double noteLengthInQuarters(int index, int feel);

} // namespace loopmind::effects
