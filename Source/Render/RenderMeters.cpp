#include "Render/RenderMeters.h"

namespace loopmind {

RenderMeters::RenderMeters(size_t tracks, double sampleRate, int maxBlockSize, PremasterBuffer* premaster)
    : premasterAudio_(premaster),
      premaster_(sampleRate),
      tracks_(tracks, mastering::StreamingLoudness(sampleRate)),
      ring_(ringSize, juce::AudioBuffer<float>(int(2 * (tracks + 1)), maxBlockSize)),
      lengths_(ringSize, 0),
      thread_()
{
    if (premaster == nullptr) // no true peak: libebur128's is its costliest part, only masters need one
        deliveredMix_.emplace(2, sampleRate, true, true);
    thread_ = std::thread([this] { measureLoop(); });
}

RenderMeters::~RenderMeters() { finish(); }

void RenderMeters::add(const juce::AudioBuffer<float>& mix, const std::vector<const juce::AudioBuffer<float>*>& tracks, int n)
{
    size_t slot;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return count_ < ringSize; });
        slot = (head_ + count_) % ringSize;
    }
    // The slot is free until count_ grows: only this thread fills slots.
    auto& block = ring_[slot];
    for (int c = 0; c < 2; ++c)
        block.copyFrom(c, 0, mix, std::min(c, mix.getNumChannels() - 1), 0, n);
    for (size_t t = 0; t < tracks.size(); ++t)
        for (int c = 0; c < 2; ++c)
            block.copyFrom(int(2 * (t + 1)) + c, 0, *tracks[t], std::min(c, tracks[t]->getNumChannels() - 1), 0, n);
    lengths_[slot] = n;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++count_;
    }
    changed_.notify_all();
}

void RenderMeters::measureLoop()
{
    for (;;) {
        size_t slot;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return count_ > 0 || stopping_; });
            if (count_ == 0)
                return; // stopping, and everything handed over is measured
            slot = head_;
        }
        const auto& block = ring_[slot];
        const int n = lengths_[slot];
        if (deliveredMix_) // reads channels 0 and 1
            deliveredMix_->add(block, 0, n);
        else
            premaster_.add(block, 0, n);
        if (premasterAudio_ != nullptr)
            premasterAudio_->append(block, n);
        for (size_t t = 0; t < tracks_.size(); ++t)
            tracks_[t].add(block.getReadPointer(int(2 * (t + 1))), block.getReadPointer(int(2 * (t + 1)) + 1), n);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            head_ = (head_ + 1) % ringSize;
            --count_;
        }
        changed_.notify_all();
    }
}

mastering::Loudness RenderMeters::premaster() const
{
    if (deliveredMix_)
        return deliveredMix_->result();
    mastering::Loudness loudness;
    loudness.integratedLufs = premaster_.integratedLufs();
    loudness.lra = premaster_.loudnessRange();
    return loudness;
}

void RenderMeters::finish()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

} // namespace loopmind
