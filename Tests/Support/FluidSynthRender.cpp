#include "Support/FluidSynthRender.h"
#include "Support/TestFiles.h"
#include <cmath>
#include <sstream>

namespace loopmind::test {
namespace fs = std::filesystem;
namespace {
// The MIDI clock: 120 BPM at 960 ticks a quarter is 1,920 ticks a second (0.52 ms, finer than fluidsynth's blocks).
constexpr int kTicksPerQuarter = 960;
constexpr double kTicksPerSecond = 1920.0;

double ticks(double seconds) { return std::round(seconds * kTicksPerSecond); }

void writeMidi(const std::vector<SynthPart>& parts, const fs::path& file)
{
    juce::MidiMessageSequence track;
    auto tempo = juce::MidiMessage::tempoMetaEvent(500000);
    tempo.setTimeStamp(0.0);
    track.addEvent(tempo);
    for (size_t i = 0; i < parts.size(); ++i) {
        const auto& p = parts[i];
        const int channel = 1 + int(i % 15) + (i % 15 >= 9 ? 1 : 0); // 1-16, never 10 (GM drums)
        const double beatSeconds = 60.0 / p.bpm;
        track.addEvent(juce::MidiMessage::programChange(channel, p.program), ticks(std::max(0.0, p.startSeconds - 0.5)));
        for (const auto& n : p.notes) {
            const double on = p.startSeconds + swungBeat(n.beat, p.swing) * beatSeconds;
            const double off = p.startSeconds + swungBeat(n.beat, p.swing) * beatSeconds + n.length * beatSeconds;
            track.addEvent(juce::MidiMessage::noteOn(channel, n.pitch, juce::uint8(n.velocity)), ticks(on));
            track.addEvent(juce::MidiMessage::noteOff(channel, n.pitch), ticks(off));
        }
        // Nothing of this slot may sound into the next one.
        const double end = p.startSeconds + p.spanSeconds;
        track.addEvent(juce::MidiMessage::allNotesOff(channel), ticks(end));
        track.addEvent(juce::MidiMessage::allSoundOff(channel), ticks(end + 0.01));
    }
    track.sort();
    track.updateMatchedPairs();
    juce::MidiFile midi;
    midi.setTicksPerQuarterNote(kTicksPerQuarter);
    midi.addTrack(track);
    juce::File out(file.string());
    out.deleteFile();
    juce::FileOutputStream stream(out);
    midi.writeTo(stream);
}
} // namespace

std::vector<juce::AudioBuffer<float>> renderPartBatches(const std::vector<std::vector<SynthPart>>& batches,
                                                        const fs::path& workFolder, double sampleRate, std::string& error)
{
    std::ostringstream script;
    for (size_t b = 0; b < batches.size(); ++b) {
        const auto mid = workFolder / ("batch-" + std::to_string(b) + ".mid");
        writeMidi(batches[b], mid);
        // -R 0 -C 0: no built-in reverb and chorus; -g 0.5 leaves headroom for chords (levels are set later).
        script << "fluidsynth -ni -q -R 0 -C 0 -g 0.5 -r " << int(sampleRate) << " -F "
               << quoted(workFolder / ("batch-" + std::to_string(b) + ".wav")) << " " << kGeneralMidiSoundFont << " "
               << quoted(mid) << (b % 2 == 0 && b + 1 < batches.size() ? " & " : "; wait; ");
    }
    const auto result = runCommand("( " + script.str() + " )");
    std::vector<juce::AudioBuffer<float>> out;
    for (size_t b = 0; b < batches.size(); ++b) {
        const auto wav = workFolder / ("batch-" + std::to_string(b) + ".wav");
        if (!fs::exists(wav)) {
            error = "fluidsynth did not render " + wav.string() + " (exit " + std::to_string(result.exitCode) + "): " + result.err;
            return {};
        }
        out.push_back(readAudioFile(wav));
        fs::remove(wav);
    }
    return out;
}

} // namespace loopmind::test
