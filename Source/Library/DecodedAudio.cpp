#include "Library/DecodedAudio.h"
#include "Core/HugePages.h"
#include <juce_audio_formats/juce_audio_formats.h>
#include <algorithm>
#include <cmath>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
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

} // namespace

bool silenceNonFinite(juce::AudioBuffer<float>& audio, int numSamples)
{
    // Decoders of damaged files can produce NaN or Inf: replace them so nothing downstream sees them.
    bool repaired = false;
    for (int c = 0; c < audio.getNumChannels(); ++c) {
        auto* d = audio.getWritePointer(c);
        for (int i = 0; i < numSamples; ++i)
            if (!std::isfinite(d[i])) {
                d[i] = 0.0f;
                repaired = true;
            }
    }
    return repaired;
}

Result<DecodedAudio> decodeAudioFile(const fs::path& path, const DecodeLimits& limits)
{
    auto opened = openAudioFile(path, limits);
    if (!opened)
        return Result<DecodedAudio>::failure(opened.error());
    auto& file = opened.value();
    const int channels = file.channels, frames = int(file.frames);
    DecodedAudio out;
    out.warning = file.warning;
    out.audio.setSize(channels, int(frames));
    adviseHugePages(out.audio.getReadPointer(0), size_t(channels) * size_t(frames) * sizeof(float)); // not yet written
    auto& reader = *file.reader;
    if (!reader.read(&out.audio, 0, frames, file.firstFrame, true, true))
        out.warning += (out.warning.empty() ? "" : "; ") + std::string("the decoder stopped early; loaded what it returned");
    out.sampleRate = file.sampleRate;
    out.bitDepth = int(reader.bitsPerSample);
    readDeclaredTempo(reader.metadataValues, double(frames) / file.sampleRate, out);
    readDeclaredKey(reader.metadataValues, out);
    out.formatName = file.formatName;

    if (silenceNonFinite(out.audio, frames))
        out.warning += (out.warning.empty() ? "" : "; ") + std::string("non-finite samples replaced by silence");
    return Result<DecodedAudio>::success(std::move(out));
}

} // namespace loopmind
