#pragma once
// Prepares what the live engine plays (decoded, resampled loops on the timeline) on a background thread,
// exactly as the renderer prepares its job. Only the newest request matters: older results are dropped.
#include "App/LatestJobRunner.h"
#include "Arrangement/Arrangement.h"
#include "Engine/TrackGraph.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <atomic>
#include <functional>

namespace loopmind {

class SessionBuilder {
public:
    struct Built {
        std::vector<PlaybackTrack> tracks;
        MixerLayout mixer;
        std::int64_t lengthInSamples = 0;
        double sampleRate = 0; // what the tracks were prepared at
        std::vector<std::string> problems;
    };
    using Ready = std::function<void(Built)>;

    SessionBuilder(juce::Component& owner, Ready onReady) : owner_(owner), onReady_(std::move(onReady)) {}

    /** Message thread: build this song at this rate; replaces any request not yet started. Frozen tracks play
        their freeze files from freezeFolders (OutputSettings::freezeFolders), frozen anew when none fits. */
    void request(Arrangement song, double sampleRate, std::vector<std::filesystem::path> freezeFolders = {});
    bool isBusy() const { return busy_.load(); }

private:
    juce::Component& owner_;
    Ready onReady_;
    int requested_ = 0; // message thread
    std::shared_ptr<std::atomic<int>> latest_ = std::make_shared<std::atomic<int>>(0);
    std::atomic<bool> busy_ { false };
    LatestJobRunner runner_; // last member: its thread stops before the rest goes
};

} // namespace loopmind
