#pragma once
// A pretend sound card for device-change tests on machines without one: a JUCE device type "Fake" whose device
// calls the audio callback from its own thread at real-time pace, can be restarted at another rate by the device
// manager, and can be "unplugged" (reports an error and stops calling back, as a lost USB interface does).
#include <juce_audio_devices/juce_audio_devices.h>
#include <atomic>
#include <thread>

namespace loopmind::test {

class FakeAudioDevice final : public juce::AudioIODevice {
public:
    FakeAudioDevice() : juce::AudioIODevice("Fake Output", "Fake") {}
    ~FakeAudioDevice() override { close(); }

    juce::StringArray getOutputChannelNames() override { return { "Left", "Right" }; }
    juce::StringArray getInputChannelNames() override { return {}; }
    juce::Array<double> getAvailableSampleRates() override { return { 44100.0, 48000.0 }; }
    juce::Array<int> getAvailableBufferSizes() override { return { 256, 512 }; }
    int getDefaultBufferSize() override { return 512; }
    juce::String open(const juce::BigInteger&, const juce::BigInteger&, double rate, int block) override;
    void close() override;
    bool isOpen() override { return open_; }
    void start(juce::AudioIODeviceCallback* callback) override;
    void stop() override;
    bool isPlaying() override { return callback_.load() != nullptr; }
    juce::String getLastError() override { return {}; }
    int getCurrentBufferSizeSamples() override { return block_; }
    double getCurrentSampleRate() override { return rate_; }
    int getCurrentBitDepth() override { return 32; }
    juce::BigInteger getActiveOutputChannels() const override { return 3; }
    juce::BigInteger getActiveInputChannels() const override { return 0; }
    int getOutputLatencyInSamples() override { return 0; }
    int getInputLatencyInSamples() override { return 0; }

    /** The interface is pulled out: the callback hears of an error and is never called again. */
    void unplug() { unplugRequested_.store(true); }
    std::int64_t blocksPlayed() const { return blocks_.load(); }

private:
    void run();

    bool open_ = false;
    double rate_ = 44100;
    int block_ = 512;
    std::atomic<juce::AudioIODeviceCallback*> callback_ { nullptr };
    std::atomic<bool> quit_ { false }, unplugRequested_ { false };
    std::atomic<std::int64_t> blocks_ { 0 };
    std::thread thread_;
};

class FakeAudioDeviceType final : public juce::AudioIODeviceType {
public:
    FakeAudioDeviceType() : juce::AudioIODeviceType("Fake") {}
    void scanForDevices() override {}
    juce::StringArray getDeviceNames(bool wantInputNames) const override { return wantInputNames ? juce::StringArray() : juce::StringArray("Fake Output"); }
    int getDefaultDeviceIndex(bool forInput) const override { return forInput ? -1 : 0; }
    int getIndexOfDevice(juce::AudioIODevice* d, bool asInput) const override { return d != nullptr && !asInput ? 0 : -1; }
    bool hasSeparateInputsAndOutputs() const override { return false; }
    juce::AudioIODevice* createDevice(const juce::String& output, const juce::String&) override
    {
        return output.isEmpty() || output == "Fake Output" ? (lastCreated = new FakeAudioDevice()) : nullptr;
    }
    FakeAudioDevice* lastCreated = nullptr; // owned by the device manager
};

} // namespace loopmind::test
