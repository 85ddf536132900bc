#include "Library/LoopStretch.h"
#include "Core/PathText.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <rubberband/RubberBandStretcher.h>
#include <vector>

namespace loopmind {

namespace {
using Stretcher = RubberBand::RubberBandStretcher;

#if RUBBERBAND_API_MAJOR_VERSION > 2 || (RUBBERBAND_API_MAJOR_VERSION == 2 && RUBBERBAND_API_MINOR_VERSION >= 7)
constexpr Stretcher::Options engine = Stretcher::OptionEngineFiner; // R3: clearer transients and stereo
constexpr int engineVersion = 3;
#else
constexpr Stretcher::Options engine = 0;
constexpr int engineVersion = 2;
#endif

// Offline (the whole input is studied first), one thread (so the result never depends on scheduling).
constexpr Stretcher::Options options = Stretcher::OptionProcessOffline | Stretcher::OptionThreadingNever
                                       | Stretcher::OptionChannelsTogether | engine;
} // namespace

int loopStretchEngineVersion() { return engineVersion; }

Result<juce::AudioBuffer<float>> stretchLoop(const juce::AudioBuffer<float>& loop, double sampleRate, int targetLength)
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

    Stretcher stretcher(size_t(std::lround(sampleRate)), size_t(channels), options, double(outLength) / double(inLength), 1.0);
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

    // The cycle in the middle. Its first few ms are crossfaded from what followed its end, so playing the
    // end and then the start again continues exactly as the stretched audio did: no step at the seam.
    juce::AudioBuffer<float> result(channels, targetLength);
    const int fade = std::min(targetLength / 4, int(std::lround(0.01 * sampleRate)));
    auto at = [&](int c, int i) { return i < int(output[size_t(c)].size()) ? output[size_t(c)][size_t(i)] : 0.0f; };
    for (int c = 0; c < channels; ++c) {
        float* dst = result.getWritePointer(c);
        for (int i = 0; i < targetLength; ++i) {
            float v = at(c, outPad + i);
            if (i < fade) {
                const float w = 1.0f - (float(i) + 0.5f) / float(fade); // weight of the continuation
                v = w * at(c, outPad + targetLength + i) + (1.0f - w) * v;
            }
            dst[i] = v;
        }
    }
    return R::success(std::move(result));
}

Result<SharedLoopAudio> fitLoopToLength(SharedLoopAudio loop, double sampleRate, int targetLength, const std::filesystem::path& file)
{
    if (std::abs(loop->getNumSamples() - targetLength) <= int(0.002 * sampleRate))
        return Result<SharedLoopAudio>::success(std::move(loop));
    auto stretched = stretchLoop(*loop, sampleRate, targetLength);
    if (!stretched)
        return Result<SharedLoopAudio>::failure(pathText(file) + ": time-stretching failed: " + stretched.error());
    return Result<SharedLoopAudio>::success(std::make_shared<const juce::AudioBuffer<float>>(std::move(stretched.value())));
}

} // namespace loopmind
