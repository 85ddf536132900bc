#pragma once
// Renders the song on its own thread with the core renderer (never the live engine): prepares the job from a
// copy of the arrangement, writes arrangement.json beside the mix, renders mix (+ stems), writes
// render-report.json. The render panel, the menu command and --demo-render all go through this.
#include "Arrangement/Arrangement.h"
#include "Core/JobControl.h"
#include "Document/RenderSettings.h"
#include <juce_gui_basics/juce_gui_basics.h>
#include <chrono>
#include <functional>

namespace loopmind {

class RenderTask {
public:
    using Done = std::function<void(RenderOutcome)>;
    explicit RenderTask(juce::Component& owner) : owner_(owner) {}
    ~RenderTask(); // cancels and waits
    RenderTask(const RenderTask&) = delete;
    RenderTask& operator=(const RenderTask&) = delete;

    /** Message thread. Empty string when started, else why not (settings problem, already running). */
    std::string start(Arrangement song, RenderSettings settings, Done onDone);
    bool isRunning() const { return running_.load(); }
    double progress() const { return control_ ? control_->progress.load() : 0.0; }
    double elapsedSeconds() const;
    /** Seconds left, from the rate so far; negative while unknown. */
    double etaSeconds() const;
    void cancel() { if (control_) control_->requestCancel(); }

    static OutputSettings outputFor(const RenderSettings& s);
    /** Where a stems-only render puts the mix the core renderer always makes; removed when the render ends. */
    static std::filesystem::path scratchFolder(const RenderSettings& s) { return s.folder / ".loopmind-render-scratch"; }

private:
    juce::Component& owner_;
    std::shared_ptr<JobControl> control_;
    std::thread thread_;
    std::atomic<bool> running_ { false };
    std::chrono::steady_clock::time_point started_;
};

} // namespace loopmind
