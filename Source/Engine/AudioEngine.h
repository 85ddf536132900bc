#pragma once
// The live engine: an audio device, a transport, and the current EngineSession (a juce::AudioProcessorGraph
// compiled into a plan that ParallelPlanRunner processes on the audio thread and the workers).
// Real-time rules on the audio thread: no allocation, lock, log, file access or unbounded wait.
#include "Core/Result.h"
#include "Engine/AtomicHandoff.h"
#include "Engine/CallbackTiming.h"
#include "Engine/EngineSession.h"
#include "Engine/ParallelPlanRunner.h"
#include "Engine/PreviewVoice.h"
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
    /** A device is open and running (not stopped by an error or unplugged). */
    bool hasDevice() const;
    std::string deviceDescription() const;
    /** Bumped whenever the device starts, stops or fails (any thread): the GUI polls it to refresh its state. */
    int deviceChangeCount() const { return deviceChanges_.load(); }
    std::unique_ptr<juce::XmlElement> deviceState() const { return deviceManager_.createStateXml(); }
    juce::AudioDeviceManager& deviceManager() { return deviceManager_; }
    double sampleRate() const { return sampleRate_; }

    // Session (message thread): builds a new graph and plan and publishes it with one atomic swap.
    /** tracksSampleRate: the rate the tracks' audio was prepared at (0: the engine's). Tracks at another rate than
        the device's are kept but not played (they would sound at the wrong pitch) until tracks at the right rate come. */
    Status load(std::vector<PlaybackTrack> tracks, std::int64_t lengthInSamples, double tracksSampleRate = 0, MixerLayout layout = {});
    /** The device rate changed since the tracks were prepared: the owner should prepare them again at sampleRate(). */
    bool tracksNeedPreparing() const { return !tracks_.empty() && tracksRate_ != sampleRate_; }
    /** Frees sessions and audition buffers the audio thread has let go of. Message thread (a timer does it). */
    void releaseRetiredSessions();

    // Transport (any thread).
    void play() { playing_.store(true); }
    void stop() { playing_.store(false); }
    bool isPlaying() const { return playing_.load(); }
    void setPosition(std::int64_t sample);
    std::int64_t position() const { return position_.load(); }
    void setLoop(std::int64_t start, std::int64_t end, bool enabled);

    // Mixer (message thread). Fader, pan, mute, solo, polarity, send levels and effect parameters change live and
    // ramp; inserts, send targets and outputs change the graph, so a new session is built and swapped in.
    const ChannelStrip* strip(StripRef ref) const;
    Status setStrip(StripRef ref, const ChannelStrip& settings);
    void setTrackMute(int track, bool muted) { setTrackSwitch(track, &ChannelStrip::mute, muted); }
    void setTrackSolo(int track, bool solo) { setTrackSwitch(track, &ChannelStrip::solo, solo); }
    /** The live hosted plug-in in a strip's insert slot; null when the slot holds none or it could not be loaded.
        Its own editor changes it directly: give its state and parameters (plugins::stateOf, parameterValues) to
        notePluginState before the song records them, and the song's edit rebuilds nothing. */
    plugins::HostedPluginProcessor* hostedPlugin(StripRef ref, int slot) const;
    void notePluginState(StripRef ref, int slot, const std::string& state, const std::map<std::string, double>& parameters);
    /** Freeze (message thread): from the next block on, track `track` plays `audio` (its player and inserts
        rendered from the song's start, Render/StemFreezer) instead of running them. No rebuild: the track's strip
        switches its input at a block boundary and the player and inserts are skipped, so nothing else in the graph
        restarts. Later sessions build the track frozen. Unfreezing is a load() of the track unfrozen. */
    Status swapInFrozenTrack(int track, std::shared_ptr<const juce::AudioBuffer<float>> audio);
    bool isTrackFrozen(int track) const { return track >= 0 && track < int(tracks_.size()) && tracks_[size_t(track)].frozen; }
    /** Problems building the current mixer (an unknown effect, a send to no bus): the rest plays. */
    const std::vector<std::string>& mixerProblems() const { return mixerProblems_; }

    // Loop audition (message thread): a preview voice on top of the song, bar-synced while the transport plays.
    void startAudition(std::shared_ptr<const juce::AudioBuffer<float>> stereoLoop, double barSamples, bool waitForTransport = false)
    {
        preview_.start(std::move(stereoLoop), barSamples, waitForTransport);
    }
    void stopAudition() { preview_.stop(); }
    bool isAuditioning() const { return preview_.isActive(); }

    // Meters (any thread).
    LoudnessMeter& masterMeter() { return masterMeter_; }
    float takeTrackPeak(int track);
    /** A return's or a group's peak since the last call (0 for the master or a bus that does not exist). */
    float takeBusPeak(StripRef bus);
    std::int64_t callbackCount() const { return callbacks_.load(); }
    /** The callbacks' processing time against their budget, and how late they start (the CPU meter). */
    CallbackTimingFigures callbackTiming() const { return timing_.figures(); }
    void resetCallbackTiming() { timing_.reset(); }
    /** The audio thread's SCHED_FIFO/RR priority as its first callback found it (0: normal scheduling or none yet). */
    int audioThreadPriority() const { return audioPriority_.load(); }

    /** The device callback's body; also drives the engine without a device (tests). Audio thread only. */
    void processBlock(float* const* outputs, int numOutputs, int numSamples);
    /** What a device (re)start does, on the thread that starts it (never the audio thread): sizes buffers and
        rebuilds the session for this rate and block size; the playhead and loop keep their place in seconds. */
    void prepare(double sampleRate, int maxBlockSize);

private:
    void audioDeviceIOCallbackWithContext(const float* const*, int, float* const*, int, int, const juce::AudioIODeviceCallbackContext&) override;
    void audioDeviceAboutToStart(juce::AudioIODevice* device) override;
    void audioDeviceStopped() override;
    void audioDeviceError(const juce::String&) override;
    void adoptPendingSession();
    void renderSong(EngineSession& s, float* const* outputs, int numOutputs, int numSamples);
    void renderChunk(EngineSession& s, float* const* outputs, int numOutputs, int offset, int numSamples);
    ChannelStrip* mutableStrip(StripRef ref);
    const StripNodes* liveStrip(StripRef ref) const; // in the newest published session
    void setTrackSwitch(int track, bool ChannelStrip::*which, bool on);
    Status rebuildSession();

    juce::AudioDeviceManager deviceManager_;
    ParallelPlanRunner runner_;
    double sampleRate_ = 44100;
    int maxBlockSize_ = 1024;

    // Message thread state.
    std::vector<PlaybackTrack> tracks_;
    std::int64_t length_ = 0;
    double tracksRate_ = 44100;
    MixerLayout layout_;
    std::vector<std::string> mixerProblems_;
    EngineSession* published_ = nullptr; // the newest session handed over (owned by the audio side)

    AtomicHandoff<EngineSession> sessions_;
    EngineSession* current_ = nullptr; // audio thread only (or the message thread while no device runs)
    PreviewVoice preview_;

    std::atomic<bool> playing_ { false }, seekRequested_ { true }, looping_ { false };
    std::atomic<std::int64_t> position_ { 0 }, loopStart_ { 0 }, loopEnd_ { 0 };
    std::atomic<std::int64_t> callbacks_ { 0 };
    CallbackTiming timing_;
    LoudnessMeter masterMeter_;
    int declickIn_ = 0; // samples of fade-in left after a loop jump
    std::atomic<bool> priorityKnown_ { false };
    std::atomic<int> audioPriority_ { 0 };
    std::atomic<bool> deviceRunning_ { false };
    std::atomic<int> deviceChanges_ { 0 };
};

} // namespace loopmind
