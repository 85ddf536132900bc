#pragma once
// A style as data (Resources/Styles/NAME.json): the section grammar, tempo range, layer budget per role and
// section, energy per section and the transition rules. Adding a style is adding a file. See docs/ARRANGEMENT.md.
#include "Core/Result.h"
#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace loopmind {

struct StyleSection {
    std::string name;
    std::vector<int> bars;             // allowed lengths, each a multiple of the style's barMultiple
    double energy = 0.5;               // target 0..1
    std::map<std::string, int> layers; // at most this many tracks of each role play (missing role: 0)
};

struct StyleTransitions {
    int riserBars = 1;                   // an fx layer plays in the last riserBars bars before a section in riserInto
    std::vector<std::string> riserInto;
    int fillBars = 1;                    // drums drop out in the last fillBars bars before a section in fillInto
    std::vector<std::string> fillInto;
    std::vector<std::string> drumsOut;   // sections with no drums at all (a break that breathes)
};

struct StyleTemplate {
    std::string name;
    double minBpm = 0, maxBpm = 0;
    int barMultiple = 4;
    std::vector<StyleSection> sections;
    std::vector<std::vector<std::string>> orders; // alternative section orders; names from sections
    StyleTransitions transitions;

    const StyleSection* section(const std::string& name) const;
};

/** Validates; errors name the field, e.g. `style.sections[2].bars[0]: 12 is not a multiple of 8`. */
Result<StyleTemplate> styleFromJson(const nlohmann::json& j);

/** $LOOPMIND_STYLES_DIR, else Styles/ beside the executable, else the source tree's Resources/Styles. */
std::filesystem::path stylesFolder();
std::vector<std::string> availableStyles();
Result<StyleTemplate> loadStyle(const std::string& name);

/** The style whose tempo range holds bpm (the narrowest range wins; house on ties or when none does). */
std::string styleForTempo(double bpm);

/** Used only when no style folder can be found, so the app and tests still arrange. */
StyleTemplate builtInHouseStyle();

} // namespace loopmind
