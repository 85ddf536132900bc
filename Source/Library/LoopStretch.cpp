#include "Library/LoopStretch.h"
#include "Core/PathText.h"
#include "Library/SeamlessLoop.h"
#include "Analysis/LoopWrap.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <rubberband/RubberBandStretcher.h>
#include <vector>

namespace loopmind {

namespace {
using Stretcher = RubberBand::RubberBandStretcher;

#if RUBBERBAND_API_MAJOR_VERSION > 2 || (RUBBERBAND_API_MAJOR_VERSION == 2 && RUBBERBAND_API_MINOR_VERSION >= 7)
constexpr Stretcher::Options tonalEngine = Stretcher::OptionEngineFiner; // R3: clearer partials and stereo
constexpr int engineVersion = 3;
#else
constexpr Stretcher::Options tonalEngine = 0;
constexpr int engineVersion = 2;
#endif
// Drums: R2 resets the phase at every detected onset, so each attack comes out as the file holds it. R3 softens
// attacks a little; after a quiet loop end that reads as a step at every repeat (a click at the seam).
#if RUBBERBAND_API_MAJOR_VERSION > 2 || (RUBBERBAND_API_MAJOR_VERSION == 2 && RUBBERBAND_API_MINOR_VERSION >= 7)
constexpr Stretcher::Options percussiveEngine = Stretcher::OptionEngineFaster | Stretcher::OptionTransientsCrisp
                                                | Stretcher::OptionDetectorPercussive;
#else
constexpr Stretcher::Options percussiveEngine = Stretcher::OptionTransientsCrisp | Stretcher::OptionDetectorPercussive;
#endif

// Offline (the whole input is studied first), one thread (so the result never depends on scheduling).
constexpr Stretcher::Options common = Stretcher::OptionProcessOffline | Stretcher::OptionThreadingNever
                                      | Stretcher::OptionChannelsTogether;
} // namespace

int loopStretchEngineVersion() { return engineVersion; }

StretchCharacter stretchCharacterFor(const std::string& role)
{
    return role == "drums" ? StretchCharacter::percussive : StretchCharacter::tonal;
}

Result<juce::AudioBuffer<float>> stretchLoop(const juce::AudioBuffer<float>& loop, double sampleRate, int targetLength,
                                             StretchCharacter character, int semitones)
{
    using R = Result<juce::AudioBuffer<float>>;
    const int channels = loop.getNumChannels(), n = loop.getNumSamples();
    if (channels == 0 || n == 0 || targetLength <= 0 || sampleRate <= 0)
        return R::failure("nothing to stretch");
    const double ratio = double(targetLength) / double(n);

    // The loop with half a second of its own end before it and of its start after it: the stretcher then sees
    // the real neighbours at both seams. Key frames pin the loop's first and last sample to exact output positions.
    const int pad = int(std::lround(0.5 * sampleRate));
    const int inLength = pad + n + pad;
    const int outPad = int(std::lround(pad * ratio));
    const int outLength = outPad + targetLength + outPad;
    const auto channelCount = static_cast<size_t>(channels);
    std::vector<std::vector<float>> input(channelCount, std::vector<float>(static_cast<size_t>(inLength)));
    for (int c = 0; c < channels; ++c) {
        const float* src = loop.getReadPointer(c);
        for (int i = 0; i < inLength; ++i)
            input[size_t(c)][size_t(i)] = src[((i - pad) % n + n) % n];
    }

    const auto options = common | (character == StretchCharacter::percussive ? percussiveEngine : tonalEngine);
    Stretcher stretcher(size_t(std::lround(sampleRate)), size_t(channels), options, double(outLength) / double(inLength),
                        std::pow(2.0, semitones / 12.0));
    stretcher.setExpectedInputDuration(size_t(inLength));
    constexpr int block = 4096;
    stretcher.setMaxProcessSize(block);
    std::vector<const float*> in(channelCount);
    std::vector<std::vector<float>> output(channelCount);
    std::vector<float*> out(channelCount);
    auto collect = [&] {
        for (int available; (available = stretcher.available()) > 0;) {
            const size_t at = output[0].size();
            for (int c = 0; c < channels; ++c) { output[size_t(c)].resize(at + size_t(available)); out[size_t(c)] = output[size_t(c)].data() + at; }
            stretcher.retrieve(out.data(), size_t(available));
        }
    };
    // Study the whole input, then the key frames, then process: the order Rubber Band's offline mode requires.
    for (int start = 0; start < inLength; start += block) {
        const int count = std::min(block, inLength - start);
        for (int c = 0; c < channels; ++c) in[size_t(c)] = input[size_t(c)].data() + start;
        stretcher.study(in.data(), size_t(count), start + count >= inLength);
    }
    stretcher.setKeyFrameMap({ { size_t(pad), size_t(outPad) }, { size_t(pad + n), size_t(outPad + targetLength) } });
    for (int start = 0; start < inLength; start += block) {
        const int count = std::min(block, inLength - start);
        for (int c = 0; c < channels; ++c) in[size_t(c)] = input[size_t(c)].data() + start;
        stretcher.process(in.data(), size_t(count), start + count >= inLength);
        collect();
    }
    collect(); // single-threaded offline: after the final block everything is available at once

    // The cycle in the middle. Its last few ms are crossfaded into what the stretcher played just before the
    // cycle's start (the stretched end of the previous cycle), so playing the end and then the start again
    // continues exactly as the stretched audio did. The fade sits on the tail, never on the head: a downbeat's
    // attack is played as the stretcher made it, not blended with a second, slightly different copy of itself.
    juce::AudioBuffer<float> result(channels, targetLength);
    const int fade = std::min({ targetLength / 4, outPad, int(std::lround(0.01 * sampleRate)) });
    auto at = [&](int c, int i) { return i < int(output[size_t(c)].size()) ? output[size_t(c)][size_t(i)] : 0.0f; };
    for (int c = 0; c < channels; ++c) {
        float* dst = result.getWritePointer(c);
        for (int i = 0; i < targetLength; ++i)
            dst[i] = at(c, outPad + i);
        for (int i = 0; i < fade; ++i) {
            const float w = (float(i) + 0.5f) / float(fade); // weight of what ran into the start
            const int k = targetLength - fade + i;
            dst[k] = w * at(c, outPad - fade + i) + (1.0f - w) * dst[k];
        }
    }
    return R::success(std::move(result));
}

Result<SharedLoopAudio> fitLoopToLength(SharedLoopAudio loop, double sampleRate, int targetLength, const std::filesystem::path& file,
                                        StretchCharacter character, int semitones)
{
    if (semitones != 0 || std::abs(loop->getNumSamples() - targetLength) > int(0.002 * sampleRate)) {
        auto stretched = stretchLoop(*loop, sampleRate, targetLength, character, semitones);
        if (!stretched)
            return Result<SharedLoopAudio>::failure(pathText(file) + ": time-stretching failed: " + stretched.error());
        makeLoopSeamless(stretched.value(), sampleRate); // stretching keeps a clean seam; a rare leftover is mended
        return Result<SharedLoopAudio>::success(std::make_shared<const juce::AudioBuffer<float>>(std::move(stretched.value())));
    }
    // Played as recorded: only a loop whose end does not run into its start is changed (a copy; the decoded
    // audio may be shared), so a clean loop stays bit for bit what the file holds.
    if (!analysis::measureLoopWrap(*loop, sampleRate).clicks)
        return Result<SharedLoopAudio>::success(std::move(loop));
    juce::AudioBuffer<float> mended(*loop);
    makeLoopSeamless(mended, sampleRate);
    return Result<SharedLoopAudio>::success(std::make_shared<const juce::AudioBuffer<float>>(std::move(mended)));
}

} // namespace loopmind
