#pragma once
// The offline mastering step of a render: the premaster (the plain sum, high-passed and kept while the tracks
// render: in memory, or for a long song in a scratch file beside the mix, Core/SpillBuffer) goes through the rest of the MasteringChain once, then to each delivery target, and each
// master is written to its file atomically. Nothing is renamed into place until every master is ready.
#include "Core/JobControl.h"
#include "Render/AIAsyncRenderer.h"
#include "Mastering/HighPassStage.h"
#include "Render/AudioFileOutput.h"
#include "Core/SpillBuffer.h"

namespace loopmind {

/** The premaster, high-passed as it grows (the chain's first stage runs during the render), with its band energies. */
class PremasterBuffer {
public:
    /** Room for the whole song, allocated once; spills to an unnamed file in spillFolder past inMemoryBytes. */
    static Result<std::unique_ptr<PremasterBuffer>> create(double sampleRate, std::int64_t lengthInSamples,
                                                           const std::filesystem::path& spillFolder,
                                                           std::size_t inMemoryBytes = SpillBuffer::defaultInMemoryBytes);
    void append(const juce::AudioBuffer<float>& block, int n); // channels 0 and 1 (mono: twice); past the song: dropped
    juce::AudioBuffer<float> view();                           // refers to the samples: no copy
    std::vector<mastering::BandEnergies> bands() const { return { highPass_.leftBands(), highPass_.rightBands() }; }
    bool spilled() const { return storage_->fileBacked(); }

private:
    PremasterBuffer(double sampleRate, std::unique_ptr<SpillBuffer> storage, std::int64_t length);
    std::unique_ptr<SpillBuffer> storage_; // left channel, then right
    std::int64_t length_ = 0, filled_ = 0;
    mastering::HighPassStage highPass_;
};

/** Masters `premaster` (modified in place) for every target; outputs are created but not yet committed. */
Status masterPremaster(PremasterBuffer& premaster, const RenderJob& job, JobControl& control, double progressFrom,
                       RenderReport& report, std::vector<std::unique_ptr<AudioFileOutput>>& outputs);

} // namespace loopmind
