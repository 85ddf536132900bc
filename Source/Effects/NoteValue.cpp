#include "Effects/NoteValue.h"

namespace loopmind::effects {

namespace {
constexpr double quarters[] = { 0.25, 0.5, 1, 2, 4, 8, 16 }; // 1/16, 1/8, 1/4, 1/2, 1/1, 2/1, 4/1
}

juce::StringArray noteValueNames(bool includeLongNotes)
{
    juce::StringArray names { "1/16", "1/8", "1/4", "1/2", "1/1" };
    if (includeLongNotes)
        names.addArray(juce::StringArray { "2/1", "4/1" });
    return names;
}

juce::StringArray noteFeelNames() { return { "straight", "dotted", "triplet" }; }

double noteLengthInQuarters(int index, int feel)
{
    const double base = quarters[juce::jlimit(0, int(std::size(quarters)) - 1, index)];
    return feel == 1 ? base * 1.5 : feel == 2 ? base * 2.0 / 3.0 : base;
}

} // namespace loopmind::effects
