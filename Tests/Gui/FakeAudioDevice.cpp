#include "FakeAudioDevice.h"
#include <chrono>

namespace loopmind::test {

juce::String FakeAudioDevice::open(const juce::BigInteger&, const juce::BigInteger&, double rate, int block)
{
    rate_ = rate > 0 ? rate : 44100.0;
    block_ = block > 0 ? block : 512;
    open_ = true;
    return {};
}

void FakeAudioDevice::close()
{
    stop();
    open_ = false;
}

void FakeAudioDevice::start(juce::AudioIODeviceCallback* callback)
{
    stop();
    if (callback == nullptr)
        return;
    callback->audioDeviceAboutToStart(this);
    callback_.store(callback);
    quit_.store(false);
    unplugRequested_.store(false);
    thread_ = std::thread([this] { run(); });
}

void FakeAudioDevice::stop()
{
    quit_.store(true);
    if (thread_.joinable())
        thread_.join();
    if (auto* callback = callback_.exchange(nullptr))
        callback->audioDeviceStopped();
}

void FakeAudioDevice::run()
{
    juce::AudioBuffer<float> out(2, block_);
    const auto period = std::chrono::duration<double>(block_ / rate_);
    auto next = std::chrono::steady_clock::now();
    while (!quit_.load()) {
        if (unplugRequested_.exchange(false)) {
            if (auto* callback = callback_.exchange(nullptr))
                callback->audioDeviceError("the fake interface was unplugged");
            return;
        }
        if (auto* callback = callback_.load()) {
            callback->audioDeviceIOCallbackWithContext(nullptr, 0, out.getArrayOfWritePointers(), 2, block_, {});
            blocks_.fetch_add(1);
        }
        next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(period);
        std::this_thread::sleep_until(next);
    }
}

} // namespace loopmind::test
