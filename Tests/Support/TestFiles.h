#pragma once
// Test helpers: a private temporary folder, and audio files written with exactly the format asked for.
#include <filesystem>
#include <juce_audio_basics/juce_audio_basics.h>
#include <string>

namespace loopmind::test {

class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/** A sine-and-click test signal: 'seconds' long, decaying 220 Hz note on every beat at bpm. */
juce::AudioBuffer<float> makeBeatSignal(double sampleRate, int channels, double seconds, double bpm, float level = 0.5f);

/** Writes WAV (or AIFF/FLAC by extension) with JUCE's writers; 32 bits means float for WAV. */
void writeAudioFile(const std::filesystem::path& path, const juce::AudioBuffer<float>& audio, double sampleRate, int bits);

/** True when both buffers have the same shape and the same bytes in every channel. */
bool sameSamples(const juce::AudioBuffer<float>& a, const juce::AudioBuffer<float>& b);

juce::AudioBuffer<float> readAudioFile(const std::filesystem::path& path, double* sampleRate = nullptr);
std::string readBytes(const std::filesystem::path& path);
void writeBytes(const std::filesystem::path& path, const std::string& bytes);

/** Runs a shell command, returns its exit code and captures stdout (stderr goes to a file you can read). */
struct CommandResult { int exitCode; std::string out; std::string err; };
CommandResult runCommand(const std::string& command);
std::string quoted(const std::filesystem::path& p);

} // namespace loopmind::test
