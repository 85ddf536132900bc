#include "Library/AudioConforming.h"
#include "Core/PathText.h"
#include <cmath>
#include <samplerate.h>
#include <vector>

namespace loopmind {

void foldToStereo(const juce::AudioBuffer<float>& in, juce::AudioBuffer<float>& out, int numSamples)
{
    const int n = numSamples, channels = in.getNumChannels();
    out.clear(0, n);
    if (channels == 0)
        return;
    if (channels <= 2) {
        out.copyFrom(0, 0, in, 0, 0, n);
        out.copyFrom(1, 0, in, channels == 2 ? 1 : 0, 0, n);
        return;
    }
    const float fold = 1.0f / std::sqrt(2.0f);
    for (int c = 0; c < channels; ++c)
        out.addFrom(c % 2, 0, in, c, 0, n, c < 2 ? 1.0f : fold);
}

juce::AudioBuffer<float> toStereo(const juce::AudioBuffer<float>& in)
{
    juce::AudioBuffer<float> out(2, in.getNumSamples());
    foldToStereo(in, out, in.getNumSamples());
    return out;
}

Result<juce::AudioBuffer<float>> resampleAudio(const juce::AudioBuffer<float>& in, double fromRate, double toRate, bool periodic)
{
    using R = Result<juce::AudioBuffer<float>>;
    const int channels = in.getNumChannels(), n = in.getNumSamples();
    if (fromRate == toRate || n == 0) {
        juce::AudioBuffer<float> copy(in);
        return R::success(std::move(copy));
    }
    const double ratio = toRate / fromRate;
    const auto outLength = int(std::llround(double(n) * ratio));
    // For a loop, wrap a margin of its own audio around both ends so the filter sees the real neighbours.
    const int margin = periodic ? std::min(n, 4096) : 0;
    const int total = n + 2 * margin;
    std::vector<float> interleavedIn(size_t(total) * size_t(channels));
    for (int i = 0; i < total; ++i) {
        const int src = ((i - margin) % n + n) % n;
        for (int c = 0; c < channels; ++c)
            interleavedIn[size_t(i) * size_t(channels) + size_t(c)] = in.getSample(c, src);
    }
    const auto outTotal = long(std::ceil(double(total) * ratio)) + 64;
    std::vector<float> interleavedOut(size_t(outTotal) * size_t(channels), 0.0f);
    SRC_DATA data {};
    data.data_in = interleavedIn.data();
    data.input_frames = total;
    data.data_out = interleavedOut.data();
    data.output_frames = outTotal;
    data.src_ratio = ratio;
    const int err = src_simple(&data, SRC_SINC_BEST_QUALITY, channels);
    if (err != 0)
        return R::failure(std::string("resampling failed: ") + src_strerror(err));

    juce::AudioBuffer<float> out(channels, outLength);
    out.clear();
    const auto skip = long(std::llround(double(margin) * ratio));
    for (int i = 0; i < outLength; ++i) {
        const long src = skip + i;
        if (src >= data.output_frames_gen)
            break;
        for (int c = 0; c < channels; ++c)
            out.setSample(c, i, interleavedOut[size_t(src) * size_t(channels) + size_t(c)]);
    }
    return R::success(std::move(out));
}

Result<std::shared_ptr<const juce::AudioBuffer<float>>> conformedStereo(const std::filesystem::path& path, const juce::AudioBuffer<float>& in,
                                                                        double fromRate, double toRate, bool periodic)
{
    using R = Result<std::shared_ptr<const juce::AudioBuffer<float>>>;
    auto resampled = resampleAudio(toStereo(in), fromRate, toRate, periodic);
    if (!resampled)
        return R::failure(pathText(path) + ": " + resampled.error());
    return R::success(std::make_shared<const juce::AudioBuffer<float>>(std::move(resampled.value())));
}

} // namespace loopmind
