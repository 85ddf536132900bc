#include "Support/TestFiles.h"
#include "Core/PathText.h"
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <juce_audio_formats/juce_audio_formats.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace loopmind::test {
namespace fs = std::filesystem;

TempFolder::TempFolder()
{
    static std::atomic<int> counter { 0 };
    path_ = fs::temp_directory_path() / ("loopmind-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
}

TempFolder::~TempFolder()
{
    std::error_code ec;
    fs::remove_all(path_, ec);
}

juce::AudioBuffer<float> makeBeatSignal(double sampleRate, int channels, double seconds, double bpm, float level)
{
    const int n = int(std::lround(seconds * sampleRate));
    juce::AudioBuffer<float> b(channels, n);
    const double beat = 60.0 / bpm;
    for (int i = 0; i < n; ++i) {
        const double t = i / sampleRate;
        const double sinceBeat = std::fmod(t, beat);
        const double v = level * std::sin(2 * M_PI * 220.0 * t) * std::exp(-8.0 * sinceBeat);
        for (int c = 0; c < channels; ++c)
            b.setSample(c, i, float(v * (c % 2 ? 0.8 : 1.0)));
    }
    return b;
}

void writeAudioFile(const fs::path& path, const juce::AudioBuffer<float>& audio, double sampleRate, int bits)
{
    std::unique_ptr<juce::AudioFormat> format;
    const auto ext = juce::String(path.extension().string()).toLowerCase();
    if (ext == ".aif" || ext == ".aiff") format = std::make_unique<juce::AiffAudioFormat>();
    else if (ext == ".flac") format = std::make_unique<juce::FlacAudioFormat>();
    else format = std::make_unique<juce::WavAudioFormat>();
    auto file = toJuceFile(path);
    file.deleteFile();
    std::unique_ptr<juce::AudioFormatWriter> w(format->createWriterFor(new juce::FileOutputStream(file), sampleRate,
                                                                       unsigned(audio.getNumChannels()), bits, {}, 0));
    if (w == nullptr)
        throw std::runtime_error("test cannot write " + path.string());
    w->writeFromAudioSampleBuffer(audio, 0, audio.getNumSamples());
}

juce::AudioBuffer<float> readAudioFile(const fs::path& path, double* sampleRate)
{
    juce::AudioFormatManager fm;
    fm.registerBasicFormats();
    std::unique_ptr<juce::AudioFormatReader> r(fm.createReaderFor(toJuceFile(path)));
    if (r == nullptr)
        throw std::runtime_error("test cannot read " + path.string());
    juce::AudioBuffer<float> b(int(r->numChannels), int(r->lengthInSamples));
    r->read(&b, 0, b.getNumSamples(), 0, true, true);
    if (sampleRate)
        *sampleRate = r->sampleRate;
    return b;
}

std::string readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeBytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string quoted(const fs::path& p)
{
    std::string s = "'";
    for (char c : p.string())
        s += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return s + "'";
}

CommandResult runCommand(const std::string& command)
{
    TempFolder tmp;
    const auto errFile = tmp / "stderr.txt";
    CommandResult r { -1, {}, {} };
    FILE* pipe = ::popen((command + " 2>" + quoted(errFile)).c_str(), "r");
    if (pipe == nullptr)
        return r;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        r.out.append(buffer, n);
    const int status = ::pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = readBytes(errFile);
    return r;
}

bool sameSamples(const juce::AudioBuffer<float>& a, const juce::AudioBuffer<float>& b)
{
    if (a.getNumChannels() != b.getNumChannels() || a.getNumSamples() != b.getNumSamples())
        return false;
    for (int c = 0; c < a.getNumChannels(); ++c)
        if (std::memcmp(a.getReadPointer(c), b.getReadPointer(c), sizeof(float) * size_t(a.getNumSamples())) != 0)
            return false;
    return true;
}

} // namespace loopmind::test
