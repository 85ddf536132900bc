// loopmind_demogen <outdir>: synthesises the demo loop packs and writes <outdir>/manifest.json,
// the true tempo, bars, key and role of every loop (the test truth for analysis).
// loopmind_demogen --test-set <outdir>: the labelled hard set for accuracy tests (TestSet.h), neutral
// names item-NNN.wav plus <outdir>/manifest.json. Never shipped: written into the build tree.
// Deterministic: the same binary writes byte-identical files on every run.
#include "Effects.h"
#include "Packs.h"
#include "TestSet.h"

#include <juce_audio_formats/juce_audio_formats.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
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

int writeTestSet(const juce::File& outDir)
{
    if (!outDir.createDirectory()) {
        std::fprintf(stderr, "loopmind_demogen: cannot create %s\n", outDir.getFullPathName().toRawUTF8());
        return 1;
    }
    const auto items = hardTestSet();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::set<juce::String> keep;
    int index = 0;
    for (const auto& item : items) {
        LoopBuffer loop(item.channels, item.lengthInSamples());
        Rng rng(item.seed);
        const Grid grid{double(item.sampleRate), item.bpm > 0 ? double(item.bpm) : 120.0, item.bars, item.swing};
        item.render(loop, grid, rng);
        removeDc(loop);
        normalizePeak(loop, item.peakDb);
        char name[32];
        std::snprintf(name, sizeof name, "item-%03d.wav", ++index);
        if (!writeWav(outDir.getChildFile(name), loop, item.sampleRate)) {
            std::fprintf(stderr, "loopmind_demogen: cannot write %s\n", name);
            return 1;
        }
        keep.insert(name);
        nlohmann::ordered_json e;
        e["path"] = name;
        e["category"] = item.category;
        e["bpm"] = item.bpm > 0 ? nlohmann::ordered_json(item.bpm) : nlohmann::ordered_json(nullptr);
        e["beats"] = item.bars * 4;
        e["swing"] = item.swing;
        e["key"] = item.key;
        e["keyCandidates"] = item.keyCandidates;
        e["role"] = item.role;
        e["hint"] = item.hint;
        e["sampleRate"] = item.sampleRate;
        e["channels"] = item.channels;
        e["durationSeconds"] = double(loop.length()) / double(item.sampleRate);
        list.push_back(std::move(e));
    }
    removeStaleFiles(outDir, keep);
    nlohmann::ordered_json manifest;
    manifest["schemaVersion"] = 1;
    manifest["kind"] = "loopmind analysis test set";
    manifest["loops"] = std::move(list);
    if (!writeText(outDir.getChildFile("manifest.json"), manifest.dump(2) + "\n")) {
        std::fprintf(stderr, "loopmind_demogen: cannot write manifest.json\n");
        return 1;
    }
    std::printf("loopmind_demogen: wrote %d test items to %s\n", index, outDir.getFullPathName().toRawUTF8());
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--test-set") == 0)
        return writeTestSet(juce::File::getCurrentWorkingDirectory().getChildFile(juce::String::fromUTF8(argv[2])));
    if (argc != 2) {
        std::fprintf(stderr, "usage: loopmind_demogen <outdir> | loopmind_demogen --test-set <outdir>\n");
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
