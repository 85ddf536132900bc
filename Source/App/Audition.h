#pragma once
// Auditioning library loops through the live engine. The message thread asks; a background thread decodes the
// loop, makes it stereo at the engine rate and, when a song sets the project tempo, stretches it to that tempo
// (Rubber Band via LoopStretch); the engine's preview voice then plays it, starting on the next bar while the
// song plays. Asking for the loop already auditioning stops it.
#include "App/LatestJobRunner.h"
#include "Core/Result.h"
#include "Engine/AudioEngine.h"
#include "Library/LoopInfo.h"
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

/** The project's grid, if a song sets one. */
struct ProjectTempo {
    double bpm = 120;
    int beatsPerBar = 4;
};

/** Background threads: the loop ready for the preview voice (stereo, at `sampleRate`, on the project's tempo). */
Result<std::shared_ptr<const juce::AudioBuffer<float>>> prepareAuditionAudio(const LoopInfo& loop, double sampleRate,
                                                                             std::optional<ProjectTempo> tempo);

class Audition {
public:
    Audition(juce::Component& owner, AudioEngine& engine) : owner_(owner), engine_(engine) {}

    /** Message thread: audition `loop`, or stop if it is the one auditioning. */
    void toggle(const LoopInfo& loop, std::optional<ProjectTempo> tempo);
    /** Message thread: prepare the current loop again (the project tempo or the device rate changed). */
    void refresh(std::optional<ProjectTempo> tempo);
    void stop();
    /** Message thread, right after the transport was started: the sounding loop restarts on the song's next bar. */
    void resyncToTransport();

    /** The loop being auditioned (or prepared for it); empty when none. */
    const std::filesystem::path& loopPath() const { return current_.path; }
    bool isActive() const { return !current_.path.empty(); }
    /** The audio reached the engine (the voice may still wait for the next bar). */
    bool isSounding() const { return sounding_; }

    /** Message thread: after every change of state, with a problem sentence if preparing failed. */
    std::function<void(const std::string& problem)> onChanged;

private:
    void prepare(std::optional<ProjectTempo> tempo);

    juce::Component& owner_;
    AudioEngine& engine_;
    LoopInfo current_;
    bool sounding_ = false;
    std::shared_ptr<const juce::AudioBuffer<float>> audio_; // what the engine plays now
    double barSamples_ = 0;
    std::shared_ptr<std::atomic<int>> latest_ = std::make_shared<std::atomic<int>>(0);
    int requested_ = 0;
    LatestJobRunner runner_; // last member: its thread stops before the rest goes
};

} // namespace loopmind
