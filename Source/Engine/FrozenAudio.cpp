#include "Engine/FrozenAudio.h"
#include <algorithm>

namespace loopmind {

void readFrozen(const juce::AudioBuffer<float>& audio, std::int64_t start, juce::AudioBuffer<float>& out, int numSamples)
{
    const std::int64_t length = audio.getNumSamples();
    const std::int64_t from = std::clamp<std::int64_t>(start, 0, length);
    const std::int64_t to = std::clamp<std::int64_t>(start + numSamples, 0, length);
    const int lead = int(from - start); // samples before the audio begins (a lag at the song's start)
    for (int c = 0; c < 2; ++c) {
        float* dst = out.getWritePointer(c);
        std::fill(dst, dst + numSamples, 0.0f);
        if (to > from)
            std::copy(audio.getReadPointer(std::min(c, audio.getNumChannels() - 1)) + from,
                      audio.getReadPointer(std::min(c, audio.getNumChannels() - 1)) + to, dst + lead);
    }
}

} // namespace loopmind
