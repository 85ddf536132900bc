// loopmind_demogen <outdir>: synthesises the demo loop packs and writes <outdir>/manifest.json,
// the true tempo, bars, key and role of every loop (the test truth for analysis).
// Deterministic: the same binary writes byte-identical files on every run.
#include "Effects.h"
#include "Packs.h"

#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <set>

using namespace loopmind::demogen;

namespace {

constexpr double kPeakDb = -1.5; // every loop peaks here: loud like a sample pack, never clipping

juce::String utf8(const std::string& s) { return juce::String::fromUTF8(s.data(), int(s.size())); }

/** Writes to "<target>.tmp" beside the target and renames into place only when complete. */
bool writeWav(const juce::File& target, const LoopBuffer& loop, int sampleRate)
{
    const juce::File temp = target.getSiblingFile(target.getFileName() + ".tmp");
    temp.deleteFile(); // FileOutputStream appends to an existing file
    {
        auto stream = std::make_unique<juce::FileOutputStream>(temp);
        if (stream->failedToOpen()) return false;
        juce::WavAudioFormat wav;
        std::unique_ptr<juce::AudioFormatWriter> writer(
            wav.createWriterFor(stream.get(), double(sampleRate), unsigned(loop.channels()), 24, {}, 0));
        if (writer == nullptr) return false;
        stream.release(); // the writer owns it now

        juce::AudioBuffer<float> audio(loop.channels(), int(loop.length()));
        for (int c = 0; c < loop.channels(); ++c)
            for (int i = 0; i < audio.getNumSamples(); ++i)
                audio.setSample(c, i, float(loop.channel(c)[size_t(i)]));
        if (!writer->writeFromAudioSampleBuffer(audio, 0, audio.getNumSamples())) return false;
    } // the writer finalises the header and closes the file here
    return temp.moveFileTo(target);
}

bool writeText(const juce::File& target, const std::string& text)
{
    const juce::File temp = target.getSiblingFile(target.getFileName() + ".tmp");
    temp.deleteFile();
    {
        juce::FileOutputStream out(temp);
        if (out.failedToOpen() || !out.write(text.data(), text.size())) return false;
        out.flush();
        if (out.getStatus().failed()) return false;
    }
    return temp.moveFileTo(target);
}

/** Removes loops from earlier generator versions, so a folder scan finds exactly the manifest. */
void removeStaleFiles(const juce::File& folder, const std::set<juce::String>& keep)
{
    for (const auto& f : folder.findChildFiles(juce::File::findFiles, false, "*.wav;*.tmp"))
        if (keep.count(f.getFileName()) == 0) f.deleteFile();
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: loopmind_demogen <outdir>\n");
        return 2;
    }
    const juce::File outDir = juce::File::getCurrentWorkingDirectory().getChildFile(juce::String::fromUTF8(argv[1]));

    std::vector<LoopSpec> specs = housePack();
    for (auto& s : boomBapPack()) specs.push_back(std::move(s));

    nlohmann::ordered_json loops = nlohmann::ordered_json::array();
    std::map<std::string, std::set<juce::String>> written;
    for (const auto& spec : specs) {
        const juce::File folder = outDir.getChildFile(utf8(spec.folder));
        if (!folder.createDirectory()) {
            std::fprintf(stderr, "loopmind_demogen: cannot create %s\n", folder.getFullPathName().toRawUTF8());
            return 1;
        }
        LoopBuffer loop(spec.channels, spec.lengthInSamples());
        Rng rng(spec.seed);
        const Grid grid{double(spec.sampleRate), double(spec.bpm), spec.bars, spec.swing};
        spec.render(loop, grid, rng);
        removeDc(loop);
        normalizePeak(loop, kPeakDb);

        const juce::File file = folder.getChildFile(utf8(spec.fileName));
        if (!writeWav(file, loop, spec.sampleRate)) {
            std::fprintf(stderr, "loopmind_demogen: cannot write %s\n", file.getFullPathName().toRawUTF8());
            return 1;
        }
        written[spec.folder].insert(file.getFileName());

        nlohmann::ordered_json entry;
        entry["path"] = spec.folder + "/" + spec.fileName;
        entry["bpm"] = spec.bpm;
        entry["bars"] = spec.bars;
        entry["beats"] = spec.bars * 4;
        entry["key"] = spec.key;
        entry["role"] = spec.role;
        entry["sampleRate"] = spec.sampleRate;
        entry["channels"] = spec.channels;
        entry["durationSeconds"] = double(loop.length()) / double(spec.sampleRate);
        loops.push_back(std::move(entry));
    }
    for (const auto& [folder, keep] : written) removeStaleFiles(outDir.getChildFile(utf8(folder)), keep);

    nlohmann::ordered_json manifest;
    manifest["schemaVersion"] = 1;
    manifest["loops"] = std::move(loops);
    if (!writeText(outDir.getChildFile("manifest.json"), manifest.dump(2) + "\n")) {
        std::fprintf(stderr, "loopmind_demogen: cannot write manifest.json\n");
        return 1;
    }
    std::printf("loopmind_demogen: wrote %d loops to %s\n", int(specs.size()), outDir.getFullPathName().toRawUTF8());
    return 0;
}
