#pragma once
// The studio's palette in one place, so every panel agrees and contrast is checked once.
#include <juce_graphics/juce_graphics.h>

namespace loopmind::theme {

inline const juce::Colour window { 0xff121418 };
inline const juce::Colour panel { 0xff1b1e24 };
inline const juce::Colour panelAlt { 0xff22262d };
inline const juce::Colour outline { 0xff343a44 };
inline const juce::Colour text { 0xffe8ebf0 };
inline const juce::Colour textDim { 0xff9aa3b0 };
inline const juce::Colour accent { 0xff3fa7ff };
inline const juce::Colour selection { 0xff2f5d8a };
inline const juce::Colour error { 0xffff7a7a };
inline const juce::Colour warning { 0xffffc857 };
inline const juce::Colour meterGood { 0xff4cd17a };
inline const juce::Colour playhead { 0xffff5a5a };

/** A steady colour per role, so a bass lane looks like a bass lane in every view. */
inline juce::Colour roleColour(const std::string& role)
{
    if (role == "drums") return juce::Colour(0xffe0864a);
    if (role == "bass") return juce::Colour(0xff5aa9e6);
    if (role == "chords") return juce::Colour(0xff9b7be0);
    if (role == "melody") return juce::Colour(0xff54c79a);
    if (role == "vocal") return juce::Colour(0xffe06c9f);
    if (role == "fx") return juce::Colour(0xffc9c15a);
    return juce::Colour(0xff8a93a0);
}

} // namespace loopmind::theme
