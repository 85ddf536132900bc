#pragma once
// The live engine: an audio device, a transport, and the current EngineSession (a juce::AudioProcessorGraph
// compiled into a plan that ParallelPlanRunner processes on the audio thread and the workers).
// Real-time rules on the audio thread: no allocation, lock, log, file access or unbounded wait.
#include "Core/Result.h"
#include "Engine/EngineSession.h"
#include "Engine/ParallelPlanRunner.h"
#include <juce_audio_devices/juce_audio_devices.h>

namespace loopmind {

class AudioEngine final : private juce::AudioIODeviceCallback {
public:
    explicit AudioEngine(int workers = ParallelPlanRunner::defaultWorkerCount());
    ~AudioEngine() override;

    // Devices (message thread). With no device the engine says why and everything else keeps working.
    /** typeName empty: the system default ("ALSA"), else e.g. "JACK". Returns an empty string or the problem. */
    std::string openDevice(const juce::String& typeName = {}, const juce::XmlElement* savedState = nullptr,
                           double sampleRate = 0, int blockSize = 0);
    void closeDevice();
    bool hasDevice() const;
    std::string deviceDescription() const;
    std::unique_ptr<juce::XmlElement> deviceState() const { return deviceManager_.createStateXml(); }
    juce::AudioDeviceManager& deviceManager() { return deviceManager_; }
    double sampleRate() const { return sampleRate_; }

    // Session (message thread): builds a new graph and plan and publishes it with one atomic swap.
    Status load(std::vector<PlaybackTrack> tracks, std::int64_t lengthInSamples);
    /** Frees sessions the audio thread has let go of. Call from the message thread (a timer does it too). */
    void releaseRetiredSessions();

    // Transport (any thread).
    void play() { playing_.store(true); }
    void stop() { playing_.store(false); }
    bool isPlaying() const { return playing_.load(); }
    void setPosition(std::int64_t sample);
    std::int64_t position() const { return position_.load(); }
    void setLoop(std::int64_t start, std::int64_t end, bool enabled);

    // Mixer (message thread).
    void setTrackGainDb(int track, double db);
    void setTrackPan(int track, double pan);
    void setTrackMute(int track, bool muted);
    void setTrackSolo(int track, bool solo);

    // Meters (any thread).
    LoudnessMeter& masterMeter() { return masterMeter_; }
    float takeTrackPeak(int track);
    std::int64_t callbackCount() const { return callbacks_.load(); }

    /** The device callback's body; also drives the engine without a device (tests). Audio thread only. */
    void processBlock(float* const* outputs, int numOutputs, int numSamples);
    /** What a device start does: sizes buffers and rebuilds the session for this rate and block size. */
    void prepare(double sampleRate, int maxBlockSize);

private:
    void audioDeviceIOCallbackWithContext(const float* const*, int, float* const*, int, int, const juce::AudioIODeviceCallbackContext&) override;
    void audioDeviceAboutToStart(juce::AudioIODevice* device) override;
    void audioDeviceStopped() override {}
    void adoptPendingSession();
    void renderChunk(EngineSession& s, float* const* outputs, int numOutputs, int offset, int numSamples);
    void applyMixerSettings(EngineSession& s) const;
    Status rebuildSession();

    juce::AudioDeviceManager deviceManager_;
    ParallelPlanRunner runner_;
    double sampleRate_ = 44100;
    int maxBlockSize_ = 1024;

    // Message thread state.
    std::vector<PlaybackTrack> tracks_;
    std::int64_t length_ = 0;
    struct TrackMix { double gainDb = 0, pan = 0; bool mute = false, solo = false; };
    std::vector<TrackMix> mix_;
    EngineSession* published_ = nullptr; // the newest session handed over (owned by the audio side)

    // Hand-over: message -> audio (pending_), audio -> message (retired_ ring, single producer/consumer).
    std::atomic<EngineSession*> pending_ { nullptr };
    static constexpr int retiredCapacity = 64;
    std::atomic<EngineSession*> retired_[retiredCapacity] {};
    std::atomic<int> retiredWrite_ { 0 };
    int retiredRead_ = 0;
    EngineSession* current_ = nullptr; // audio thread only (or the message thread while no device runs)

    std::atomic<bool> playing_ { false }, seekRequested_ { true }, looping_ { false };
    std::atomic<std::int64_t> position_ { 0 }, loopStart_ { 0 }, loopEnd_ { 0 };
    std::atomic<std::int64_t> callbacks_ { 0 };
    LoudnessMeter masterMeter_;
    int declickIn_ = 0; // samples of fade-in left after a loop jump
    std::atomic<bool> priorityKnown_ { false };
};

} // namespace loopmind
