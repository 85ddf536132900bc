#pragma once
// One audio file being written: to a temporary name beside the destination, renamed into place by
// finish(). Destroying it unfinished (cancel, error) deletes the temporary file and leaves any old file.
#include "Core/AtomicFile.h"
#include "Core/DeterministicRandom.h"
#include "Render/EncodedAudioWriter.h"
#include "Render/RenderJob.h"
#include <juce_audio_formats/juce_audio_formats.h>

namespace loopmind {

class AudioFileOutput {
public:
    static Result<std::unique_ptr<AudioFileOutput>> create(const std::filesystem::path& destination, const OutputSettings& settings,
                                                           double sampleRate, int channels, int maxBlockSize);

    /** Writes the first numSamples of every channel; 16-bit output gets seeded TPDF dither (MP3 and Ogg Vorbis take the floats). */
    bool write(const juce::AudioBuffer<float>& block, int numSamples);
    Status finish();

private:
    AudioFileOutput(const std::filesystem::path& destination, int bitDepth) : file_(destination), bitDepth_(bitDepth) {}
    AtomicFileWriter file_;
    std::unique_ptr<juce::AudioFormatWriter> writer_;
    std::unique_ptr<EncodedAudioWriter> encoded_; // instead of writer_ for MP3 and Ogg Vorbis
    juce::FileOutputStream* stream_ = nullptr;     // owned by writer_: its status tells a failed last flush
    std::int64_t framesWritten_ = 0;
    int channels_ = 0;
    bool pcmFile_ = false;                         // WAV or AIFF: the finished file holds every frame uncompressed
    juce::AudioBuffer<float> scratch_;
    DeterministicRandom dither_ { 0x10057D17 };
    int bitDepth_;
};

} // namespace loopmind
