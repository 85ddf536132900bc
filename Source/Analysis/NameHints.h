#pragma once
// Reading weak hints out of file and folder names ("Pack 97/kick_120bpm.wav").
#include "Analysis/LoopAnalysis.h"
#include <optional>
#include <string>
#include <vector>

namespace loopmind::analysis::detail {

/** Lower-case runs of letters and runs of digits: "Kick_120bpm 808Sub" -> kick 120 bpm 808 sub. */
std::vector<std::string> nameTokens(const std::string& name);

/** Every number written in the name (integers and decimals such as "97.5"), in order. */
std::vector<double> numbersInName(const std::string& name);

/** Only the numbers the name marks as a tempo: next to "bpm" ("120bpm", "97.5 BPM", "bpm_140"). */
std::vector<double> tempoMarkedNumbersInName(const std::string& name);

/** The key a loop's file name states, as sample packs write it: "Am", "F#m", "Ebmin", "Cmaj", "Bb",
    "C# minor", "D_min", "Fsharp_minor". A bare letter counts only with "major"/"minor"/"maj"/"min" after it
    ("Take A" is no key). Only the file's own name (the part after the last slash, without extension); nullopt
    when there is no key or two different ones. */
std::optional<KeyHint> keyInName(const std::string& path);

} // namespace loopmind::analysis::detail
