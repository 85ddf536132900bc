#pragma once
// The library's audition voice: loops one prepared stereo buffer on top of the engine's output. The message thread
// prepares the buffer (decoded, at the engine rate, stretched to the project tempo) and hands it over through an
// AtomicHandoff; the audio thread only reads it. While the transport plays, a new loop waits for the next bar so it
// lands in time with the song; stopped, it starts at once. Stopping fades out over a few milliseconds.
#include "Engine/AtomicHandoff.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <optional>

namespace loopmind {

class PreviewVoice {
public:
    /** Message thread: audition `stereoLoop` (2 channels, engine rate), repeating. barSamples > 0: while the
        transport plays, start on the next multiple of it on the timeline; 0 starts at once. waitForTransport: stay
        silent until the transport plays, then start on its next bar (used to line an audition up with Play). */
    void start(std::shared_ptr<const juce::AudioBuffer<float>> stereoLoop, double barSamples, bool waitForTransport = false);
    /** Message thread: fade out and go quiet. */
    void stop();
    /** Message thread: free buffers the audio thread has finished with. */
    void releaseRetired() { handoff_.releaseRetired(); }
    /** Any thread: an audition was started and not stopped since (the audio thread may still be waiting for the bar). */
    bool isActive() const { return active_.load(std::memory_order_acquire); }
    /** Any thread: audition level, linear. */
    void setGain(float gain) { gain_.store(gain, std::memory_order_relaxed); }

    /** Audio thread: add this block of the audition to left/right (right may be null: mono, both sides summed).
        transportPosition: the timeline sample at the block's start while the transport plays. */
    void render(float* left, float* right, int numSamples, std::optional<std::int64_t> transportPosition);

    ~PreviewVoice();

private:
    struct Clip {
        std::shared_ptr<const juce::AudioBuffer<float>> audio; // null: a stop request
        double barSamples = 0;
        bool waitForTransport = false;
    };
    std::int64_t samplesToNextBar(std::int64_t transportPosition) const;
    void adopt(std::optional<std::int64_t> transportPosition);
    void addClip(const Clip& clip, std::int64_t& cursor, float* left, float* right, int from, int to, int fadeOutLeft) const;

    AtomicHandoff<Clip> handoff_;
    std::atomic<bool> active_ { false };
    std::atomic<float> gain_ { 1.0f };

    // Audio thread only.
    Clip* current_ = nullptr;
    Clip* outgoing_ = nullptr;      // the clip being faded out after a stop or a switch
    std::int64_t delay_ = 0;        // samples until current_ starts
    bool awaitingTransport_ = false; // current_ waits for the transport to play
    std::int64_t cursor_ = 0;       // next sample of current_
    std::int64_t outgoingCursor_ = 0;
    int outgoingFade_ = 0;          // samples of fade-out left for outgoing_
};

} // namespace loopmind
