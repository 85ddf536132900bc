#include "Library/AudioFileOpening.h"
#include "Core/PathText.h"
#include "Library/Mp3Gapless.h"
#include <juce_audio_formats/juce_audio_formats.h>
#include <algorithm>

namespace loopmind {
namespace fs = std::filesystem;

OpenedAudioFile::OpenedAudioFile() = default;
OpenedAudioFile::~OpenedAudioFile() = default;
OpenedAudioFile::OpenedAudioFile(OpenedAudioFile&&) noexcept = default;
OpenedAudioFile& OpenedAudioFile::operator=(OpenedAudioFile&&) noexcept = default;

namespace {
const char* const audioExtensions[] = { ".wav", ".wave", ".aif", ".aiff", ".aifc", ".flac", ".ogg", ".mp3" };

std::string lowerExtension(const fs::path& p)
{
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

bool isUncompressedPcm(const std::string& ext)
{
    return ext == ".wav" || ext == ".wave" || ext == ".aif" || ext == ".aiff" || ext == ".aifc";
}

// No codec we read packs more samples into a byte than this: FLAC's constant blocks of digital silence come nearest
// (about 512 per byte at its usual 4096-sample blocks), Vorbis' silent packets less, MP3 under 20.
constexpr std::int64_t maxSamplesPerCompressedByte = 4096;

std::string seconds(double s)
{
    return juce::String(s, 2).toStdString() + " s";
}
} // namespace

bool hasAudioFileExtension(const fs::path& p)
{
    const auto ext = lowerExtension(p);
    return std::any_of(std::begin(audioExtensions), std::end(audioExtensions), [&](const char* e) { return ext == e; });
}

Result<OpenedAudioFile> openAudioFile(const fs::path& path, const DecodeLimits& limits)
{
    const auto name = pathText(path);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Result<OpenedAudioFile>::failure(name + ": file not found");
    if (fs::is_directory(status))
        return Result<OpenedAudioFile>::failure(name + ": is a folder, not an audio file");
    const auto fileSize = fs::file_size(path, ec);
    if (ec)
        return Result<OpenedAudioFile>::failure(name + ": cannot read the file size (" + ec.message() + ")");
    if (fileSize == 0)
        return Result<OpenedAudioFile>::failure(name + ": the file is empty");

    const auto ext = lowerExtension(path);
    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    // Only the format the extension names: trying every decoder on random bytes invites false positives.
    auto* format = formats.findFormatForFileExtension(juce::String(ext));
    if (format == nullptr)
        return Result<OpenedAudioFile>::failure(name + ": unsupported file type '" + ext + "'");

    auto file = toJuceFile(path);
    auto stream = file.createInputStream();
    if (stream == nullptr)
        return Result<OpenedAudioFile>::failure(name + ": cannot open the file (permission denied?)");
    std::unique_ptr<juce::AudioFormatReader> reader(format->createReaderFor(stream.release(), true));
    if (reader == nullptr)
        return Result<OpenedAudioFile>::failure(name + ": not a valid " + format->getFormatName().toStdString()
                                             + " file (damaged, truncated header or not audio)");

    const double rate = reader->sampleRate;
    const int channels = int(reader->numChannels);
    if (!(rate >= 1000.0 && rate <= 768000.0))
        return Result<OpenedAudioFile>::failure(name + ": implausible sample rate " + std::to_string(rate) + " Hz in the header");
    if (channels < 1 || channels > 64)
        return Result<OpenedAudioFile>::failure(name + ": implausible channel count " + std::to_string(channels) + " in the header");
    if (reader->lengthInSamples <= 0)
        return Result<OpenedAudioFile>::failure(name + ": holds no audio samples");

    OpenedAudioFile out;
    std::int64_t frames = reader->lengthInSamples;
    // A header may promise more than the file holds (truncation, or a lie): believe the file size instead.
    if (isUncompressedPcm(ext) && reader->bitsPerSample > 0) {
        const auto frameBytes = std::int64_t(channels) * std::int64_t((reader->bitsPerSample + 7) / 8);
        const auto framesPresent = std::int64_t(fileSize) / std::max<std::int64_t>(1, frameBytes);
        if (framesPresent < frames) {
            out.warning = "truncated: the header promises " + seconds(double(frames) / rate) + " but the file holds "
                          + seconds(double(framesPresent) / rate) + "; loaded what is present";
            frames = framesPresent;
        }
    }
    // A compressed header's length (FLAC's total, Ogg's last granule) is only a claim too: a 1 KB file claiming
    // 30 minutes would have the decoder allocate and zero-fill hundreds of MiB. Believe what the bytes can hold.
    if (!isUncompressedPcm(ext)) {
        const auto framesPossible = std::int64_t(fileSize) * maxSamplesPerCompressedByte / channels;
        if (framesPossible < frames) {
            out.warning = "truncated: the header promises " + seconds(double(frames) / rate) + " but the file's "
                          + std::to_string(fileSize) + " bytes hold at most " + seconds(double(framesPossible) / rate)
                          + "; loaded that much";
            frames = framesPossible;
        }
    }
    if (frames <= 0)
        return Result<OpenedAudioFile>::failure(name + ": holds no complete audio frame (truncated)");
    if (double(frames) / rate > limits.maxDurationSeconds || frames * channels > limits.maxTotalSamples)
        return Result<OpenedAudioFile>::failure(name + ": too long (" + seconds(double(frames) / rate) + ", "
                                             + std::to_string(channels) + " channels); the limit is "
                                             + seconds(limits.maxDurationSeconds));

    std::int64_t firstFrame = 0;
    if (ext == ".mp3")
        if (const auto gapless = readMp3Gapless(path); gapless && gapless->skip + gapless->length <= frames) {
            firstFrame = gapless->skip; // the encoder's delay and padding are not music: trimmed, as gapless players do
            frames = gapless->length;
        }
    out.reader = std::move(reader);
    out.firstFrame = firstFrame;
    out.frames = frames;
    out.sampleRate = rate;
    out.channels = channels;
    out.formatName = format->getFormatName().toStdString();
    return Result<OpenedAudioFile>::success(std::move(out));
}

} // namespace loopmind
