#pragma once
// Prepares what the live engine plays (decoded, resampled loops on the timeline) on a background thread,
// exactly as the renderer prepares its job. Only the newest request matters: older results are dropped.
#include "Arrangement/Arrangement.h"
#include "Engine/TrackGraph.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace loopmind {

class SessionBuilder {
public:
    struct Built {
        std::vector<PlaybackTrack> tracks;
        std::int64_t lengthInSamples = 0;
        std::vector<std::string> problems;
    };
    using Ready = std::function<void(Built)>;

    SessionBuilder(juce::Component& owner, Ready onReady);
    ~SessionBuilder();
    SessionBuilder(const SessionBuilder&) = delete;
    SessionBuilder& operator=(const SessionBuilder&) = delete;

    /** Message thread: build this song at this rate; replaces any request not yet started. */
    void request(Arrangement song, double sampleRate);
    bool isBusy() const { return busy_.load(); }

private:
    void run();

    juce::Component& owner_;
    Ready onReady_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Arrangement> next_;
    int requested_ = 0;                     // message thread
    std::shared_ptr<std::atomic<int>> latest_ = std::make_shared<std::atomic<int>>(0);
    std::atomic<bool> busy_ { false };
    bool quit_ = false;
    std::thread thread_;
};

} // namespace loopmind
