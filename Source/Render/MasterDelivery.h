#pragma once
// The offline mastering step of a render: the premaster (the plain sum, held in memory while the
// tracks render) goes through the MasteringChain once, then to each delivery target, and each
// master is written to its file atomically. Nothing is renamed into place until every master is ready.
#include "Core/JobControl.h"
#include "Render/AIAsyncRenderer.h"
#include "Render/AudioFileOutput.h"

namespace loopmind {

/** Grows with the render, one block at a time, so a long song allocates as it goes. */
struct PremasterBuffer {
    std::vector<float> left, right;
    void reserve(std::int64_t samples); // the song's length: no regrowth (copying and page faults) while rendering
    void append(const juce::AudioBuffer<float>& block, int n);
    juce::AudioBuffer<float> view(); // refers to the vectors: no copy
};

/** Masters `premaster` (modified in place) for every target; outputs are created but not yet committed. */
Status masterPremaster(PremasterBuffer& premaster, const RenderJob& job, JobControl& control, double progressFrom,
                       RenderReport& report, std::vector<std::unique_ptr<AudioFileOutput>>& outputs);

} // namespace loopmind
