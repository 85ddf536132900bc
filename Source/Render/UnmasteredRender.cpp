#include "Render/UnmasteredRender.h"
#include "Arrangement/RenderedEnergy.h"
#include "Library/DecodedAudio.h"
#include "Library/StreamedAudioFile.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"

namespace loopmind {

namespace {
Status renderPlainSum(const Arrangement& a, const std::filesystem::path& scratchWav)
{
    OutputSettings out;
    out.mixPath = scratchWav;
    out.bitDepth = 32;
    out.mastering.enabled = false;
    auto prepared = prepareArrangementJob(a, out);
    if (!prepared.problems.empty())
        return Status::failure(prepared.problems.front());
    JobControl control;
    const auto report = AIAsyncRenderer::render(prepared.job, control);
    if (!report.ok)
        return Status::failure("render failed: " + report.error);
    return Status::success();
}
} // namespace

Result<juce::AudioBuffer<float>> renderUnmastered(const Arrangement& a, const std::filesystem::path& scratchWav)
{
    using R = Result<juce::AudioBuffer<float>>;
    if (auto st = renderPlainSum(a, scratchWav); !st)
        return R::failure(st.error());
    auto decoded = decodeAudioFile(scratchWav);
    if (!decoded)
        return R::failure(decoded.error());
    return R::success(std::move(decoded->audio));
}

Result<std::vector<double>> unmasteredSectionLoudness(const Arrangement& a, const std::filesystem::path& scratchWav)
{
    using R = Result<std::vector<double>>;
    if (auto st = renderPlainSum(a, scratchWav); !st)
        return R::failure(st.error());
    constexpr int chunk = 1 << 18; // FrameReader asks for half a second at most (at up to 524 kHz)
    auto file = StreamedAudioFile::open(scratchWav, chunk);
    if (!file)
        return R::failure(file.error());
    juce::AudioBuffer<float> block(2, chunk);
    const FrameReader read = [&](std::int64_t start, int n, float* interleaved) {
        if (n > chunk || !file.value()->read(start, block, n))
            return false;
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < 2; ++c) interleaved[2 * i + c] = block.getSample(c, i);
        return true;
    };
    return R::success(sectionLoudness(read, file.value()->length(), 2, a.sampleRate, a));
}

} // namespace loopmind
