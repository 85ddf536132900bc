#include "Render/MasterDelivery.h"
#include "Core/HugePages.h"
#include "Core/ParallelFor.h"
#include <atomic>
#include <chrono>

namespace loopmind {

PremasterBuffer::PremasterBuffer(double sampleRate, std::int64_t lengthInSamples) : highPass_(sampleRate)
{
    reserveWithHugePages(left_, size_t(std::max<std::int64_t>(lengthInSamples, 0)));
    reserveWithHugePages(right_, size_t(std::max<std::int64_t>(lengthInSamples, 0)));
}

void PremasterBuffer::append(const juce::AudioBuffer<float>& block, int n)
{
    const size_t at = left_.size();
    left_.resize(at + size_t(n));
    right_.resize(at + size_t(n));
    highPass_.process(block.getReadPointer(0), block.getReadPointer(std::min(1, block.getNumChannels() - 1)), left_.data() + at,
                      right_.data() + at, n);
}

juce::AudioBuffer<float> PremasterBuffer::view()
{
    float* channels[] = { left_.data(), right_.data() };
    return juce::AudioBuffer<float>(channels, 2, int(left_.size()));
}

namespace {
/** Writes a master to a new output for path (not yet committed); empty on success, else why not. */
std::string writeMaster(const std::filesystem::path& path, const RenderJob& job, juce::AudioBuffer<float>& audio,
                        std::unique_ptr<AudioFileOutput>& output)
{
    constexpr int block = 4096;
    auto out = AudioFileOutput::create(path, job.output, job.sampleRate, 2, block);
    if (!out)
        return out.error();
    for (int start = 0; start < audio.getNumSamples(); start += block) {
        const int count = std::min(block, audio.getNumSamples() - start);
        juce::AudioBuffer<float> part(audio.getArrayOfWritePointers(), 2, start, count);
        if (!out.value()->write(part, count))
            return "writing " + path.filename().string() + " failed (disk full?)";
    }
    output = std::move(out.value());
    return {};
}
} // namespace

Status masterPremaster(PremasterBuffer& premaster, const RenderJob& job, JobControl& control, double progressFrom,
                       RenderReport& report, std::vector<std::unique_ptr<AudioFileOutput>>& outputs)
{
    const auto started = std::chrono::steady_clock::now();
    const auto& settings = job.output.mastering;
    auto audio = premaster.view();
    mastering::MasteringChain chain(job.sampleRate, settings.intensity);
    chain.prepareHighPassed(audio, premaster.bands(), report.premaster.integratedLufs);
    report.chain = chain.settingsUsed();
    const size_t targets = settings.targets.size();
    if (control.cancelled())
        return Status::failure("cancelled");
    // The chain measured its prepared audio once (K-weighted energy, true-peak envelope); each target masters on its
    // own thread (they only read the chain and the prepared audio). Each candidate master is written to its file while
    // libebur128 verifies it (the last candidate is the delivered master; an earlier one's temporary file is dropped).
    std::vector<mastering::MasteredAudio> mastered(targets);
    std::vector<std::unique_ptr<AudioFileOutput>> written(targets);
    std::vector<std::string> writeErrors(targets);
    std::atomic<size_t> finished { 0 };
    auto masterOne = [&](size_t t) {
        auto writeCandidate = [&, t](juce::AudioBuffer<float>& candidate) {
            written[t].reset();
            writeErrors[t] = writeMaster(deliveredMixPath(job.output, t), job, candidate, written[t]);
        };
        mastered[t] = mastering::masterToTarget(chain, audio, job.sampleRate, settings.targets[t], [&] { return control.cancelled(); },
                                                writeCandidate);
        mastered[t].audio.setSize(0, 0); // written: release it
        const size_t done = ++finished;
        control.progress.store(progressFrom + (1.0 - progressFrom) * double(done) / double(targets));
    };
    parallelFor(targets, std::min<size_t>(4, coreCount()), masterOne);
    if (control.cancelled())
        return Status::failure("cancelled");

    for (size_t t = 0; t < targets; ++t) {
        if (!writeErrors[t].empty() || written[t] == nullptr)
            return Status::failure(writeErrors[t].empty() ? "internal error: no master written" : writeErrors[t]);
        for (const auto& w : mastered[t].measurements.warnings)
            report.warnings.push_back(settings.targets[t].name + ": " + w);
        report.masters.push_back({ deliveredMixPath(job.output, t), std::move(mastered[t].measurements) });
        outputs.push_back(std::move(written[t]));
    }
    report.mastered = true;
    report.masteringSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return Status::success();
}

} // namespace loopmind
