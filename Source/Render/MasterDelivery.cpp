#include "Render/MasterDelivery.h"
#include "Core/WriteFailure.h"
#include "Core/ParallelFor.h"
#include <atomic>
#include <chrono>

namespace loopmind {

Result<std::unique_ptr<PremasterBuffer>> PremasterBuffer::create(double sampleRate, std::int64_t lengthInSamples,
                                                                  const std::filesystem::path& spillFolder, std::size_t inMemoryBytes)
{
    using R = Result<std::unique_ptr<PremasterBuffer>>;
    const auto length = std::max<std::int64_t>(lengthInSamples, 0);
    auto storage = SpillBuffer::create(size_t(length) * 2, spillFolder, inMemoryBytes);
    if (!storage)
        return R::failure(storage.error());
    return R::success(std::unique_ptr<PremasterBuffer>(new PremasterBuffer(sampleRate, std::move(storage.value()), length)));
}

PremasterBuffer::PremasterBuffer(double sampleRate, std::unique_ptr<SpillBuffer> storage, std::int64_t length)
    : storage_(std::move(storage)), length_(length), highPass_(sampleRate)
{
}

void PremasterBuffer::append(const juce::AudioBuffer<float>& block, int n)
{
    n = int(std::min<std::int64_t>(n, length_ - filled_));
    if (n <= 0)
        return;
    float* left = storage_->data() + filled_;
    float* right = storage_->data() + length_ + filled_;
    highPass_.process(block.getReadPointer(0), block.getReadPointer(std::min(1, block.getNumChannels() - 1)), left, right, n);
    filled_ += n;
}

juce::AudioBuffer<float> PremasterBuffer::view()
{
    float* channels[] = { storage_->data(), storage_->data() + length_ };
    return juce::AudioBuffer<float>(channels, 2, int(filled_));
}

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
        // Each candidate goes to a new file chunk by chunk as it is verified; an earlier candidate's file is dropped.
        const auto path = deliveredMixPath(job.output, t);
        mastering::MasterWriter writer;
        writer.begin = [&, t, path] {
            written[t].reset();
            auto out = AudioFileOutput::create(path, job.output, job.sampleRate, 2, mastering::masterChunkSamples);
            writeErrors[t] = out ? std::string() : out.error();
            if (out)
                written[t] = std::move(out.value());
        };
        writer.write = [&, t, path](const juce::AudioBuffer<float>& chunk, int count) {
            if (written[t] != nullptr && writeErrors[t].empty() && !written[t]->write(chunk, count))
                writeErrors[t] = writeFailure(path, estimatedOutputBytes(job.output, job.sampleRate, job.lengthInSamples));
        };
        mastered[t] = mastering::masterToTarget(chain, audio, job.sampleRate, settings.targets[t], [&] { return control.cancelled(); },
                                                &writer);
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
