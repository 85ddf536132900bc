#pragma once
// LoopInfo's waveform summary as a compact blob for the analysis cache: the finest level only, one signed
// byte per value (the library summary is already rounded to 1/127 steps, so this is lossless); the coarser
// levels are rebuilt on load.
#include "Analysis/WaveformSummary.h"
#include <optional>
#include <string>

namespace loopmind {

std::string encodeWaveform(const analysis::WaveformSummary& summary);

/** Null for a blob that is not one encodeWaveform wrote (wrong size or header). */
std::optional<analysis::WaveformSummary> decodeWaveform(const void* data, std::size_t size);

} // namespace loopmind
