#pragma once
// Freezes one track on its own thread while playback goes on: prepares the song as the renderer does, then reuses
// the track's freeze file if one fits (Render/StemFreezer names them by fingerprint) or renders and writes it.
// One freeze at a time; cancel() (an edit of the song meanwhile) stops it and nothing is swapped in.
#include "App/LatestJobRunner.h"
#include "Arrangement/Arrangement.h"
#include "Core/JobControl.h"
#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_gui_basics/juce_gui_basics.h>
#include <functional>
#include <memory>

namespace loopmind {

class FreezeTask {
public:
    struct Done {
        int lane = -1;
        std::shared_ptr<const juce::AudioBuffer<float>> audio; // null when it failed or was cancelled
        std::string error;
        bool cancelled = false;
    };

    explicit FreezeTask(juce::Component& owner) : owner_(owner) {}
    ~FreezeTask() { cancel(); }

    /** Message thread: freeze track `lane` of the song, prepared at sampleRate; folders as OutputSettings::freezeFolders.
        False (and nothing started) while another freeze runs. */
    bool start(Arrangement song, int lane, double sampleRate, std::vector<std::filesystem::path> folders, std::function<void(Done)> onDone);
    void cancel()
    {
        if (control_)
            control_->requestCancel();
    }
    bool isRunning() const { return lane_ >= 0; }
    int lane() const { return lane_; }
    double progress() const { return control_ ? control_->progress.load() : 0.0; }

private:
    juce::Component& owner_;
    std::shared_ptr<JobControl> control_;
    int lane_ = -1; // message thread
    LatestJobRunner runner_; // last member: its thread stops before the rest goes
};

} // namespace loopmind
