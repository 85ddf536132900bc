#include "Library/WaveformCodec.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace loopmind {
namespace {
// Layout: "LMW1", samplesPerBin (uint32 LE), bins (uint32 LE), bins minima, bins maxima (int8, value * 127).
constexpr char kMagic[4] = { 'L', 'M', 'W', '1' };
constexpr std::size_t kHeader = 12;

void putU32(std::string& out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(char((v >> (8 * i)) & 0xFF));
}

std::uint32_t getU32(const unsigned char* p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

char quantise(float v) { return char(std::int8_t(std::lround(std::clamp(v, -1.0f, 1.0f) * 127.0f))); }
} // namespace

std::string encodeWaveform(const analysis::WaveformSummary& summary)
{
    if (summary.empty())
        return {};
    const auto& finest = summary.levels.front();
    const auto bins = std::min(finest.minimum.size(), finest.maximum.size());
    std::string out(kMagic, sizeof kMagic);
    putU32(out, std::uint32_t(finest.samplesPerBin));
    putU32(out, std::uint32_t(bins));
    out.reserve(kHeader + 2 * bins);
    for (std::size_t i = 0; i < bins; ++i)
        out.push_back(quantise(finest.minimum[i]));
    for (std::size_t i = 0; i < bins; ++i)
        out.push_back(quantise(finest.maximum[i]));
    return out;
}

std::optional<analysis::WaveformSummary> decodeWaveform(const void* data, std::size_t size)
{
    const auto* p = static_cast<const unsigned char*>(data);
    if (p == nullptr || size < kHeader || std::memcmp(p, kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    const auto perBin = getU32(p + 4), bins = getU32(p + 8);
    // What encodeWaveform can have written: at most kLibraryWaveformMaxBins bins, and bins small enough that the
    // coarser levels (each doubling samplesPerBin, up to 5 of them) stay within an int. A damaged cache held
    // perBin 2^30 with 200 bins, and the next level overflowed (found while writing fuzz_analysis_cache).
    if (perBin == 0 || perBin > (1u << 24) || bins > std::uint32_t(analysis::kLibraryWaveformMaxBins)
        || size != kHeader + 2 * std::size_t(bins))
        return std::nullopt;
    analysis::WaveformSummary summary;
    analysis::WaveformSummary::Level finest;
    finest.samplesPerBin = int(perBin);
    finest.minimum.resize(bins);
    finest.maximum.resize(bins);
    for (std::uint32_t i = 0; i < bins; ++i) {
        finest.minimum[i] = float(std::int8_t(p[kHeader + i])) / 127.0f;
        finest.maximum[i] = float(std::int8_t(p[kHeader + bins + i])) / 127.0f;
    }
    summary.levels.push_back(std::move(finest));
    analysis::addCoarserLevels(summary);
    return summary;
}

} // namespace loopmind
