#include "BenchSession.h"
#include "Core/DeterministicRandom.h"
#include <cmath>

namespace loopmind::bench {

std::vector<PlaybackTrack> benchTracks(int count, double rate, double seconds)
{
    std::vector<PlaybackTrack> tracks;
    const int n = int(rate * 1.5);
    for (int t = 0; t < count; ++t) {
        auto audio = std::make_shared<juce::AudioBuffer<float>>(2, n);
        DeterministicRandom random(std::uint64_t(t + 1));
        for (int i = 0; i < n; ++i) {
            const float v = float(0.1 * std::sin(0.01 * (t + 1) * i) + 0.05 * (random.nextUnit() - 0.5));
            audio->setSample(0, i, v);
            audio->setSample(1, i, v);
        }
        PlaybackTrack track { "t" + std::to_string(t), "chords", audio, {}, -12.0, {} };
        for (std::int64_t s = 0; s < std::int64_t(rate * seconds); s += n)
            track.segments.push_back({ s, s + n });
        tracks.push_back(std::move(track));
    }
    return tracks;
}

MixerSession mixerSession(int tracks, double rate, double seconds)
{
    MixerSession m;
    m.layout.mixer.returns = { { "reverb", {}, {} } };
    m.layout.mixer.returns[0].strip.inserts = { { "reverb", { { "mix", 100 } }, false, {}, {} } };
    m.tracks = benchTracks(tracks, rate, seconds);
    for (auto& track : m.tracks) {
        track.strip.inserts = { { "eq", { { "hp_on", 1 }, { "mid1_gain", 3 } }, false, {}, {} }, { "compressor", {}, false, {}, {} } };
        track.strip.sends = { { 0, -12.0, false } };
    }
    return m;
}

} // namespace loopmind::bench
