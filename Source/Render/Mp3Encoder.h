#pragma once
// MP3 output through LAME (Debian's libmp3lame): constant bit rate, and the LAME/Info tag written into the
// stream's first frame once the encoder has finished, with its delay and padding, so that players (and our own
// decoder, Library/Mp3Gapless) trim the start and the end: the file decodes to the song's exact length.
// LAME is deterministic: the same samples give the same bytes.
#include "Render/EncodedAudioWriter.h"
#include <cstdio>
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>
#include <vector>

struct lame_global_struct;

namespace loopmind {

class Mp3Encoder final : public EncodedAudioWriter {
public:
    /** Mono or stereo, 8 to 48 kHz (what MPEG audio has), 32 to 320 kbit/s. */
    static Result<std::unique_ptr<Mp3Encoder>> create(const std::filesystem::path& file, double sampleRate, int channels,
                                                      int bitrateKbps);
    ~Mp3Encoder() override;
    Mp3Encoder(const Mp3Encoder&) = delete;
    Mp3Encoder& operator=(const Mp3Encoder&) = delete;

    bool write(const juce::AudioBuffer<float>& block, int numSamples) override;
    /** Flushes the encoder, writes the tag frame over the first frame and closes the file. */
    Status finish() override;

private:
    Mp3Encoder() = default;
    bool put(int bytes);
    lame_global_struct* lame_ = nullptr;
    std::FILE* file_ = nullptr;
    std::filesystem::path path_;
    int channels_ = 2;
    std::vector<unsigned char> out_;
};

} // namespace loopmind
