#pragma once
// arrangement.json's `mixer` section (schema v3): each track's strip (by track name, in track order), the return
// and group buses, and the master strip. A track's pan stays where v2 had it, at tracks[].pan.
#include "Arrangement/Arrangement.h"
#include "Arrangement/JsonFields.h"
#include <nlohmann/json.hpp>

namespace loopmind {

nlohmann::json mixerToJson(const Arrangement& a);

/** Reads `mixer` into a (whose tracks are already read); throws FieldError naming the field. */
void readMixer(const JsonFields& mixer, Arrangement& a);

} // namespace loopmind
