#include "Support/EngineFixtures.h"
#include "Core/DeterministicRandom.h"
#include <cmath>

namespace loopmind::test {

std::vector<PlaybackTrack> makeEngineTracks(int count, double sampleRate, double loopSeconds, double songSeconds)
{
    std::vector<PlaybackTrack> tracks;
    const int loopLength = int(loopSeconds * sampleRate);
    const auto songLength = std::int64_t(songSeconds * sampleRate);
    for (int t = 0; t < count; ++t) {
        auto audio = std::make_shared<juce::AudioBuffer<float>>(2, loopLength);
        DeterministicRandom random(std::uint64_t(t) + 1);
        const double freq = 55.0 * std::pow(2.0, (t % 24) / 12.0);
        double lowPass = 0;
        for (int i = 0; i < loopLength; ++i) {
            const double time = i / sampleRate;
            lowPass += 0.05 * ((random.nextUnit() - 0.5) - lowPass);
            const double v = 0.3 * std::sin(2 * M_PI * freq * time) * std::exp(-3.0 * std::fmod(time, 0.5)) + 0.2 * lowPass;
            audio->setSample(0, i, float(v));
            audio->setSample(1, i, float(v * (0.5 + 0.5 * std::cos(t))));
        }
        PlaybackTrack track { "track " + std::to_string(t + 1), "chords", audio, {}, -12.0 - (t % 5), {} };
        track.strip.pan = (t % 7 - 3) / 4.0;
        for (std::int64_t start = 0; start < songLength; start += loopLength)
            track.segments.push_back({ start, std::min<std::int64_t>(start + loopLength, songLength) });
        tracks.push_back(std::move(track));
    }
    return tracks;
}

} // namespace loopmind::test
