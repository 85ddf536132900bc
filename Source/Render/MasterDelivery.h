#pragma once
// The offline mastering step of a render: the premaster (the plain sum, high-passed and held in memory
// while the tracks render) goes through the rest of the MasteringChain once, then to each delivery target, and each
// master is written to its file atomically. Nothing is renamed into place until every master is ready.
#include "Core/JobControl.h"
#include "Render/AIAsyncRenderer.h"
#include "Mastering/HighPassStage.h"
#include "Render/AudioFileOutput.h"

namespace loopmind {

/** The premaster, high-passed as it grows (the chain's first stage runs during the render), with its band energies. */
class PremasterBuffer {
public:
    PremasterBuffer(double sampleRate, std::int64_t lengthInSamples); // reserved: no regrowth (copying, page faults)
    void append(const juce::AudioBuffer<float>& block, int n);       // channels 0 and 1 (mono: twice)
    juce::AudioBuffer<float> view();                                  // refers to the samples: no copy
    std::vector<mastering::BandEnergies> bands() const { return { highPass_.leftBands(), highPass_.rightBands() }; }

private:
    std::vector<float> left_, right_;
    mastering::HighPassStage highPass_;
};

/** Masters `premaster` (modified in place) for every target; outputs are created but not yet committed. */
Status masterPremaster(PremasterBuffer& premaster, const RenderJob& job, JobControl& control, double progressFrom,
                       RenderReport& report, std::vector<std::unique_ptr<AudioFileOutput>>& outputs);

} // namespace loopmind
