#include "Render/MasterDelivery.h"
#include <chrono>

namespace loopmind {

void PremasterBuffer::append(const juce::AudioBuffer<float>& block, int n)
{
    left.insert(left.end(), block.getReadPointer(0), block.getReadPointer(0) + n);
    const int right = std::min(1, block.getNumChannels() - 1);
    this->right.insert(this->right.end(), block.getReadPointer(right), block.getReadPointer(right) + n);
}

juce::AudioBuffer<float> PremasterBuffer::view()
{
    float* channels[] = { left.data(), right.data() };
    return juce::AudioBuffer<float>(channels, 2, int(left.size()));
}

Status masterPremaster(PremasterBuffer& premaster, const RenderJob& job, JobControl& control, double progressFrom,
                       RenderReport& report, std::vector<std::unique_ptr<AudioFileOutput>>& outputs)
{
    const auto started = std::chrono::steady_clock::now();
    const auto& settings = job.output.mastering;
    auto audio = premaster.view();
    mastering::MasteringChain chain(job.sampleRate, settings.intensity);
    chain.prepare(audio, report.premaster.integratedLufs);
    report.chain = chain.settingsUsed();
    const size_t targets = settings.targets.size();
    for (size_t t = 0; t < targets; ++t) {
        if (control.cancelled())
            return Status::failure("cancelled");
        auto mastered = mastering::masterToTarget(chain, audio, job.sampleRate, settings.targets[t], [&] { return control.cancelled(); });
        if (control.cancelled())
            return Status::failure("cancelled");
        const auto path = deliveredMixPath(job.output, t);
        constexpr int block = 4096;
        auto out = AudioFileOutput::create(path, job.output, job.sampleRate, 2, block);
        if (!out)
            return Status::failure(out.error());
        const int n = mastered.audio.getNumSamples();
        for (int start = 0; start < n; start += block) {
            const int count = std::min(block, n - start);
            juce::AudioBuffer<float> part(mastered.audio.getArrayOfWritePointers(), 2, start, count);
            if (!out.value()->write(part, count))
                return Status::failure("writing " + path.filename().string() + " failed (disk full?)");
        }
        for (const auto& w : mastered.measurements.warnings)
            report.warnings.push_back(settings.targets[t].name + ": " + w);
        report.masters.push_back({ path, std::move(mastered.measurements) });
        outputs.push_back(std::move(out.value()));
        control.progress.store(progressFrom + (1.0 - progressFrom) * double(t + 1) / double(targets));
    }
    report.mastered = true;
    report.masteringSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return Status::success();
}

} // namespace loopmind
