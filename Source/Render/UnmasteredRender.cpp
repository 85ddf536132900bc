#include "Render/UnmasteredRender.h"
#include "Library/DecodedAudio.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/RenderJobBuilder.h"

namespace loopmind {

Result<juce::AudioBuffer<float>> renderUnmastered(const Arrangement& a, const std::filesystem::path& scratchWav)
{
    using R = Result<juce::AudioBuffer<float>>;
    OutputSettings out;
    out.mixPath = scratchWav;
    out.bitDepth = 32;
    out.mastering.enabled = false;
    auto prepared = prepareArrangementJob(a, out);
    if (!prepared.problems.empty())
        return R::failure(prepared.problems.front());
    JobControl control;
    const auto report = AIAsyncRenderer::render(prepared.job, control);
    if (!report.ok)
        return R::failure("render failed: " + report.error);
    auto decoded = decodeAudioFile(scratchWav);
    if (!decoded)
        return R::failure(decoded.error());
    return R::success(std::move(decoded->audio));
}

} // namespace loopmind
