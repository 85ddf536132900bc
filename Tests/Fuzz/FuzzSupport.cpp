#include "FuzzSupport.h"
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace loopmind::fuzz {
namespace fs = std::filesystem;

namespace {
fs::path chooseScratch()
{
    fs::path base;
    if (const char* env = std::getenv("LOOPMIND_FUZZ_SCRATCH"); env && *env)
        base = env;
    else if (std::error_code ec; fs::is_directory("/dev/shm", ec))
        base = "/dev/shm"; // tmpfs: no disk writes for millions of inputs
    else
        base = fs::temp_directory_path();
    auto folder = base / ("loopmind-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    return folder;
}

void removeScratch()
{
    std::error_code ec;
    fs::remove_all(scratchFolder(), ec);
}
} // namespace

const fs::path& scratchFolder()
{
    static const fs::path folder = [] {
        auto f = chooseScratch();
        std::atexit(removeScratch);
        return f;
    }();
    return folder;
}

fs::path writeScratchFile(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const auto path = scratchFolder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    if (!out)
        fail("cannot write the scratch file " + path.string());
    return path;
}

void clearScratch()
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(scratchFolder(), ec))
        fs::remove_all(entry.path(), ec);
}

void fail(const std::string& why)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", why.c_str());
    std::fflush(stderr);
    std::abort();
}

std::vector<LoopInfo> samplePack(double bpm)
{
    auto loop = [bpm](const char* name, const char* role, int beats, const char* key, double lufs) {
        LoopInfo l;
        l.path = scratchFolder() / name; // never opened: arranging reads only the analysis
        l.ok = true;
        l.role = role;
        l.bpm = bpm;
        l.bpmConfidence = 0.9;
        l.beats = beats;
        l.durationSeconds = beats * 60.0 / bpm;
        l.sampleRate = 44100;
        l.channels = 2;
        l.key = key;
        l.keyConfidence = 0.8;
        l.roleConfidence = 0.8;
        l.lufs = lufs;
        return l;
    };
    return { loop("kick.wav", "drums", 4, "none", -8),        loop("hats.wav", "drums", 8, "none", -14),
             loop("perc.wav", "drums", 16, "none", -12),      loop("bass a.wav", "bass", 16, "A minor", -10),
             loop("bass c.wav", "bass", 8, "C major", -11),   loop("pad.wav", "chords", 16, "A minor", -15),
             loop("stabs.wav", "chords", 8, "E minor", -12),  loop("lead.wav", "melody", 16, "A minor", -11),
             loop("pluck.wav", "melody", 8, "C major", -13),  loop("riser.wav", "fx", 8, "none", -13),
             loop("vox.wav", "vocal", 16, "A minor", -12) };
}

} // namespace loopmind::fuzz
