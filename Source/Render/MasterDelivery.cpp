#include "Render/MasterDelivery.h"
#include <atomic>
#include <chrono>
#include <thread>

namespace loopmind {

PremasterBuffer::PremasterBuffer(double sampleRate, std::int64_t lengthInSamples) : highPass_(sampleRate)
{
    left_.reserve(size_t(std::max<std::int64_t>(lengthInSamples, 0)));
    right_.reserve(size_t(std::max<std::int64_t>(lengthInSamples, 0)));
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
    // The chain measured its prepared audio once (K-weighted energy, true-peak envelope); each target masters on its own thread
    // (they only read the chain and the prepared audio), and files are written in target order afterwards.
    std::vector<mastering::MasteredAudio> mastered(targets);
    std::atomic<size_t> finished { 0 };
    auto masterOne = [&](size_t t) {
        mastered[t] = mastering::masterToTarget(chain, audio, job.sampleRate, settings.targets[t], [&] { return control.cancelled(); });
        const size_t done = ++finished;
        control.progress.store(progressFrom + (1.0 - progressFrom) * 0.9 * double(done) / double(targets));
    };
    const size_t parallel = std::min<size_t>(targets, std::max(1u, std::min(4u, std::thread::hardware_concurrency())));
    std::atomic<size_t> next { 0 };
    auto worker = [&] {
        for (size_t t; (t = next++) < targets;)
            masterOne(t);
    };
    std::vector<std::thread> helpers;
    for (size_t i = 1; i < parallel; ++i)
        helpers.emplace_back(worker);
    worker();
    for (auto& h : helpers)
        h.join();
    if (control.cancelled())
        return Status::failure("cancelled");

    for (size_t t = 0; t < targets; ++t) {
        const auto path = deliveredMixPath(job.output, t);
        constexpr int block = 4096;
        auto out = AudioFileOutput::create(path, job.output, job.sampleRate, 2, block);
        if (!out)
            return Status::failure(out.error());
        auto& audioOut = mastered[t].audio;
        const int n = audioOut.getNumSamples();
        for (int start = 0; start < n; start += block) {
            const int count = std::min(block, n - start);
            juce::AudioBuffer<float> part(audioOut.getArrayOfWritePointers(), 2, start, count);
            if (!out.value()->write(part, count))
                return Status::failure("writing " + path.filename().string() + " failed (disk full?)");
        }
        for (const auto& w : mastered[t].measurements.warnings)
            report.warnings.push_back(settings.targets[t].name + ": " + w);
        report.masters.push_back({ path, std::move(mastered[t].measurements) });
        outputs.push_back(std::move(out.value()));
        audioOut.setSize(0, 0); // release each master once written
        control.progress.store(progressFrom + (1.0 - progressFrom) * (0.9 + 0.1 * double(t + 1) / double(targets)));
    }
    report.mastered = true;
    report.masteringSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return Status::success();
}

} // namespace loopmind
