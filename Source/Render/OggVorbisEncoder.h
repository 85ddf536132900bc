#pragma once
// Ogg Vorbis output through libvorbisenc and libogg (the libraries Debian's JUCE links for its own codec), written
// here rather than through JUCE's writer because that one numbers each stream with a random serial: the same song
// would give different bytes. The serial is fixed, so output is deterministic; the last page's granule position
// holds the exact sample count, so the file decodes to the song's length.
#include "Render/EncodedAudioWriter.h"
#include <cstdio>
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>

namespace loopmind {

class OggVorbisEncoder final : public EncodedAudioWriter {
public:
    /** Mono or stereo; bitrateKbps is the average (managed) bit rate. */
    static Result<std::unique_ptr<OggVorbisEncoder>> create(const std::filesystem::path& file, double sampleRate, int channels,
                                                            int bitrateKbps);
    ~OggVorbisEncoder() override;
    OggVorbisEncoder(const OggVorbisEncoder&) = delete;
    OggVorbisEncoder& operator=(const OggVorbisEncoder&) = delete;

    bool write(const juce::AudioBuffer<float>& block, int numSamples) override;
    /** Ends the stream (its last page) and closes the file. */
    Status finish() override;

private:
    struct Codec; // libvorbis and libogg state
    OggVorbisEncoder();
    bool drain(bool flushAll);
    std::unique_ptr<Codec> codec_;
    std::FILE* file_ = nullptr;
    std::filesystem::path path_;
    int channels_ = 2;
    bool ok_ = true;
};

} // namespace loopmind
