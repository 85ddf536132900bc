#pragma once
// A file read block by block for an offline render (a stem in `loopmind mix`): opened with openAudioFile's checks,
// folded to stereo as decoded audio is, non-finite samples silenced. Memory: one block of the file's channels,
// whatever the file's length. Its rate is the file's: the caller streams only files at the render's rate.
#include "Core/BlockStream.h"
#include "Library/AudioFileOpening.h"

namespace loopmind {

class StreamedAudioFile final : public BlockStream {
public:
    /** Opens `path` for reads of up to maxBlockSize frames. */
    static Result<std::unique_ptr<StreamedAudioFile>> open(const std::filesystem::path& path, int maxBlockSize);

    std::int64_t length() const override { return file_.frames; }
    bool read(std::int64_t position, juce::AudioBuffer<float>& out, int numSamples) override;
    std::string problem() const override { return problem_; }

    double sampleRate() const { return file_.sampleRate; }
    const std::string& warning() const { return file_.warning; }

private:
    StreamedAudioFile(OpenedAudioFile file, std::string name, int maxBlockSize);
    OpenedAudioFile file_;
    std::string name_, problem_;
    juce::AudioBuffer<float> raw_; // one block in the file's channels
};

} // namespace loopmind
