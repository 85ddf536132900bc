#pragma once
// A lossy encoder writing a file of its own (MP3, Ogg Vorbis): floats in, compressed frames out.
#include "Core/Result.h"
#include "Render/RenderJob.h"
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>

namespace loopmind {

class EncodedAudioWriter {
public:
    virtual ~EncodedAudioWriter() = default;
    virtual bool write(const juce::AudioBuffer<float>& block, int numSamples) = 0;
    /** Ends the stream and closes the file. */
    virtual Status finish() = 0;
};

/** The encoder for `format` (mp3 or ogg; null for the others) writing `file`, or why it cannot (naming the file). */
Result<std::unique_ptr<EncodedAudioWriter>> createEncodedWriter(AudioFileFormat format, const std::filesystem::path& file,
                                                                double sampleRate, int channels, int bitrateKbps);

} // namespace loopmind
