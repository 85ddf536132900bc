// The audio loader on arbitrary bytes: decodeAudioFile (opening checks, JUCE's WAV/AIFF/FLAC/Ogg/MP3 readers, the
// ACID and Apple Loops chunks behind the declared tempo and key), the MP3 LAME-tag reader and StreamedAudioFile.
// The loader only takes files (it picks the decoder by extension), so each input is written to the scratch folder
// under the extension its first bytes suggest; anything else goes to the MP3 decoder, the one that resyncs.
#include "FuzzSupport.h"
#include "Library/DecodedAudio.h"
#include "Library/Mp3Gapless.h"
#include "Library/StreamedAudioFile.h"
#include <cmath>
#include <cstring>

using namespace loopmind;

namespace {
const char* extensionFor(const std::uint8_t* data, std::size_t size)
{
    auto starts = [&](const char* magic) { return size >= 4 && std::memcmp(data, magic, 4) == 0; };
    if (starts("RIFF") || starts("RF64") || starts("BW64"))
        return ".wav";
    if (starts("FORM"))
        return size >= 12 && std::memcmp(data + 8, "AIFC", 4) == 0 ? ".aifc" : ".aiff";
    if (starts("fLaC"))
        return ".flac";
    if (starts("OggS"))
        return ".ogg";
    return ".mp3";
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto file = fuzz::writeScratchFile(std::string("input") + extensionFor(data, size), data, size);

    // Every check of the default limits, at a lower ceiling: the parsers are the same whether a file may decode to
    // 1 M samples or 128 M, and a run stays fast. (The default ceiling is the regression tests' business.)
    DecodeLimits limits;
    limits.maxTotalSamples = std::int64_t(1) << 20;
    auto decoded = decodeAudioFile(file, limits);
    if (!decoded) {
        if (decoded.error().empty())
            fuzz::fail("a failed decode without a reason");
    } else {
        const auto& d = decoded.value();
        if (d.audio.getNumChannels() < 1 || d.audio.getNumSamples() < 1 || !(d.sampleRate > 0))
            fuzz::fail("a decode that succeeded holds no audio");
        for (int c = 0; c < d.audio.getNumChannels(); ++c)
            for (int i = 0; i < d.audio.getNumSamples(); ++i)
                if (!std::isfinite(d.audio.getSample(c, i)))
                    fuzz::fail("a non-finite sample got through");
        if (d.declaredBpm && !(*d.declaredBpm >= 30.0 && *d.declaredBpm <= 300.0))
            fuzz::fail("a declared tempo outside 30-300 BPM was believed");
    }

    // openAudioFile asks for the LAME tag only of .mp3 files: every input reaches the tag reader here.
    if (const auto gapless = readMp3Gapless(file); gapless && (gapless->skip < 0 || gapless->length <= 0))
        fuzz::fail("the LAME tag gave a negative trim");

    if (decoded) {
        auto streamed = StreamedAudioFile::open(file, 512);
        if (streamed) {
            juce::AudioBuffer<float> block(2, 512);
            auto& s = *streamed.value();
            for (std::int64_t at = 0; at < s.length() && at < 4 * 512; at += 512)
                if (!s.read(at, block, int(std::min<std::int64_t>(512, s.length() - at))))
                    break;
        }
    }
    return 0;
}
