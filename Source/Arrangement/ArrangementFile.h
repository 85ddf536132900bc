#pragma once
// arrangement.json: write (atomically) and read with validation that names the offending field.
#include "Arrangement/Arrangement.h"
#include "Core/Result.h"
#include <nlohmann/json_fwd.hpp>

namespace loopmind {

nlohmann::json arrangementToJson(const Arrangement& a);
Result<Arrangement> arrangementFromJson(const nlohmann::json& j, const std::filesystem::path& baseFolder);

std::string arrangementToText(const Arrangement& a);
Status writeArrangementFile(const Arrangement& a, const std::filesystem::path& file);
Result<Arrangement> readArrangementFile(const std::filesystem::path& file);

} // namespace loopmind
