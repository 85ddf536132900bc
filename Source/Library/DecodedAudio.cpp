#include "Library/DecodedAudio.h"
#include "Core/HugePages.h"
#include "Core/PathText.h"
#include "Library/Mp3Gapless.h"
#include <juce_audio_formats/juce_audio_formats.h>
#include <algorithm>
#include <cmath>

namespace loopmind {
namespace fs = std::filesystem;

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

bool metadataFlag(const juce::StringPairArray& metadata, const char* key) { return metadata.getValue(key, "0").getIntValue() != 0; }

/** The root note (and mode) the file declares: ACID's root note, Apple Loops' root note and scale. */
void readDeclaredKey(const juce::StringPairArray& metadata, DecodedAudio& out)
{
    auto pitchClass = [&](const char* key) { return ((metadata.getValue(key, "0").getIntValue() % 12) + 12) % 12; };
    if (metadataFlag(metadata, juce::WavAudioFormat::acidRootSet) && metadata.containsKey(juce::WavAudioFormat::acidRootNote))
        out.declaredKey = analysis::KeyHint { pitchClass(juce::WavAudioFormat::acidRootNote), std::nullopt }; // ACID states no mode
    else if (metadataFlag(metadata, juce::AiffAudioFormat::appleRootSet) && metadata.containsKey(juce::AiffAudioFormat::appleRootNote)) {
        out.declaredKey = analysis::KeyHint { pitchClass(juce::AiffAudioFormat::appleRootNote), std::nullopt };
        const auto scale = metadata.getValue(juce::AiffAudioFormat::appleKey, "");
        if (scale == "minor" || scale == "major")
            out.declaredKey->minor = scale == "minor";
    }
}

/** The tempo the file declares (ACID chunk, Apple Loops), if it is one and fits the audio's length. */
void readDeclaredTempo(const juce::StringPairArray& metadata, double durationSeconds, DecodedAudio& out)
{
    double bpm = 0;
    int beats = 0;
    if (metadata.containsKey(juce::WavAudioFormat::acidTempo) || metadata.containsKey(juce::WavAudioFormat::acidBeats)) {
        if (metadataFlag(metadata, juce::WavAudioFormat::acidOneShot)) {
            out.declaredOneShot = true;
            return;
        }
        bpm = metadata.getValue(juce::WavAudioFormat::acidTempo, "0").getDoubleValue();
        beats = metadata.getValue(juce::WavAudioFormat::acidBeats, "0").getIntValue();
    } else if (metadata.containsKey(juce::AiffAudioFormat::appleBeats)) {
        if (metadataFlag(metadata, juce::AiffAudioFormat::appleOneShot)) {
            out.declaredOneShot = true;
            return;
        }
        beats = metadata.getValue(juce::AiffAudioFormat::appleBeats, "0").getIntValue();
        if (beats > 0 && durationSeconds > 0)
            bpm = double(beats) * 60.0 / durationSeconds; // Apple Loops state beats, not a tempo
    }
    if (!(bpm >= 30.0 && bpm <= 300.0) || durationSeconds <= 0)
        return;
    // An unset or stale field (a default 120, a trimmed file) would mislead: the beats must fit the length, up to
    // a short tail (a loop may carry its release past the last beat).
    const double spanned = durationSeconds * bpm / 60.0;
    if (beats <= 0) { // no beat count given: only a whole number of bars counts (a one-shot under a default tempo does not)
        beats = int(std::lround(spanned));
        if (beats < 4 || beats % 4 != 0 || std::abs(spanned - double(beats)) > 0.02 * double(beats))
            return;
    }
    const double tolerance = std::max(0.02 * double(beats), 0.05);
    if (beats < 1 || spanned < double(beats) - tolerance || spanned > double(beats) * 1.1 + tolerance)
        return;
    out.declaredBpm = bpm;
    out.declaredBeats = beats;
}

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

Result<DecodedAudio> decodeAudioFile(const fs::path& path, const DecodeLimits& limits)
{
    const auto name = pathText(path);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Result<DecodedAudio>::failure(name + ": file not found");
    if (fs::is_directory(status))
        return Result<DecodedAudio>::failure(name + ": is a folder, not an audio file");
    const auto fileSize = fs::file_size(path, ec);
    if (ec)
        return Result<DecodedAudio>::failure(name + ": cannot read the file size (" + ec.message() + ")");
    if (fileSize == 0)
        return Result<DecodedAudio>::failure(name + ": the file is empty");

    const auto ext = lowerExtension(path);
    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    // Only the format the extension names: trying every decoder on random bytes invites false positives.
    auto* format = formats.findFormatForFileExtension(juce::String(ext));
    if (format == nullptr)
        return Result<DecodedAudio>::failure(name + ": unsupported file type '" + ext + "'");

    auto file = toJuceFile(path);
    auto stream = file.createInputStream();
    if (stream == nullptr)
        return Result<DecodedAudio>::failure(name + ": cannot open the file (permission denied?)");
    std::unique_ptr<juce::AudioFormatReader> reader(format->createReaderFor(stream.release(), true));
    if (reader == nullptr)
        return Result<DecodedAudio>::failure(name + ": not a valid " + format->getFormatName().toStdString()
                                             + " file (damaged, truncated header or not audio)");

    const double rate = reader->sampleRate;
    const int channels = int(reader->numChannels);
    if (!(rate >= 1000.0 && rate <= 768000.0))
        return Result<DecodedAudio>::failure(name + ": implausible sample rate " + std::to_string(rate) + " Hz in the header");
    if (channels < 1 || channels > 64)
        return Result<DecodedAudio>::failure(name + ": implausible channel count " + std::to_string(channels) + " in the header");
    if (reader->lengthInSamples <= 0)
        return Result<DecodedAudio>::failure(name + ": holds no audio samples");

    DecodedAudio out;
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
    if (frames <= 0)
        return Result<DecodedAudio>::failure(name + ": holds no complete audio frame (truncated)");
    if (double(frames) / rate > limits.maxDurationSeconds || frames * channels > limits.maxTotalSamples)
        return Result<DecodedAudio>::failure(name + ": too long (" + seconds(double(frames) / rate) + ", "
                                             + std::to_string(channels) + " channels); the limit is "
                                             + seconds(limits.maxDurationSeconds));

    std::int64_t firstFrame = 0;
    if (ext == ".mp3")
        if (const auto gapless = readMp3Gapless(path); gapless && gapless->skip + gapless->length <= frames) {
            firstFrame = gapless->skip; // the encoder's delay and padding are not music: trimmed, as gapless players do
            frames = gapless->length;
        }
    out.audio.setSize(channels, int(frames));
    adviseHugePages(out.audio.getReadPointer(0), size_t(channels) * size_t(frames) * sizeof(float)); // not yet written
    if (!reader->read(&out.audio, 0, int(frames), firstFrame, true, true))
        out.warning = "the decoder stopped early; loaded what it returned";
    out.sampleRate = rate;
    out.bitDepth = int(reader->bitsPerSample);
    readDeclaredTempo(reader->metadataValues, double(frames) / rate, out);
    readDeclaredKey(reader->metadataValues, out);
    out.formatName = format->getFormatName().toStdString();

    // Decoders of damaged files can produce NaN or Inf: replace them so nothing downstream sees them.
    bool repaired = false;
    for (int c = 0; c < channels; ++c) {
        auto* d = out.audio.getWritePointer(c);
        for (int i = 0; i < out.audio.getNumSamples(); ++i)
            if (!std::isfinite(d[i])) { d[i] = 0.0f; repaired = true; }
    }
    if (repaired)
        out.warning += (out.warning.empty() ? "" : "; ") + std::string("non-finite samples replaced by silence");
    return Result<DecodedAudio>::success(std::move(out));
}

} // namespace loopmind
