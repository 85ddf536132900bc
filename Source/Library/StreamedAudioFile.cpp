#include "Library/StreamedAudioFile.h"
#include <limits>
#include "Core/PathText.h"
#include "Library/AudioConforming.h"
#include "Library/DecodedAudio.h"
#include <juce_audio_formats/juce_audio_formats.h>
#include <algorithm>

namespace loopmind {

Result<std::unique_ptr<StreamedAudioFile>> StreamedAudioFile::open(const std::filesystem::path& path, int maxBlockSize)
{
    using R = Result<std::unique_ptr<StreamedAudioFile>>;
    // Streamed, a file costs one block of memory however long: it may be as long as a song (Arrangement/SongLimits.h).
    DecodeLimits limits;
    limits.maxDurationSeconds = 4 * 3600.0;
    limits.maxTotalSamples = std::numeric_limits<std::int64_t>::max();
    auto opened = openAudioFile(path, limits);
    if (!opened)
        return R::failure(opened.error());
    return R::success(std::unique_ptr<StreamedAudioFile>(new StreamedAudioFile(std::move(opened.value()), pathText(path), maxBlockSize)));
}

StreamedAudioFile::StreamedAudioFile(OpenedAudioFile file, std::string name, int maxBlockSize)
    : file_(std::move(file)), name_(std::move(name)), raw_(file_.channels, maxBlockSize)
{
}

bool StreamedAudioFile::read(std::int64_t position, juce::AudioBuffer<float>& out, int numSamples)
{
    jassert(numSamples <= raw_.getNumSamples() && out.getNumChannels() >= 2);
    const int present = int(std::clamp<std::int64_t>(file_.frames - position, 0, numSamples));
    bool ok = true;
    if (present > 0) {
        if (!file_.reader->read(&raw_, 0, present, file_.firstFrame + position, true, true)) {
            ok = false; // JUCE has zeroed what it could not read
            if (problem_.empty())
                problem_ = name_ + ": the decoder stopped early, at " + juce::String(double(position) / file_.sampleRate, 2).toStdString() + " s";
        }
        silenceNonFinite(raw_, present);
        foldToStereo(raw_, out, present);
    }
    for (int c = 0; c < 2; ++c)
        out.clear(c, present, numSamples - present);
    return ok;
}

} // namespace loopmind
