#pragma once
// Renders a RenderJob faster than real time on a background thread, with its own private
// juce::AudioProcessorGraph (never the live one), writing the mix and stems atomically.
#include "Core/JobControl.h"
#include "Mastering/LoudnessTargeting.h"
#include "Render/RenderJob.h"
#include <thread>

namespace loopmind {

struct DeliveredMaster {
    std::filesystem::path path;
    mastering::MasterMeasurements measurements;
};

struct TrackLoudness {
    std::string name;
    std::optional<std::filesystem::path> stemPath; // when stems were written
    std::optional<double> integratedLufs;          // null: silent
};

struct RenderReport {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    std::filesystem::path mixPath;
    std::vector<std::filesystem::path> stemPaths;
    double lengthSeconds = 0;
    double renderSeconds = 0;
    double mixPeakDb = -200;        // of the premaster (the plain sum), sample peak

    // Loudness and mastering (written to render-report.json beside the mix)
    mastering::Loudness premaster;  // the plain sum: the "A" of a level-matched A/B
    bool mastered = false;
    mastering::ChainSettingsUsed chain;
    std::vector<DeliveredMaster> masters; // one per delivery target; empty with --no-master
    std::vector<TrackLoudness> tracks;
    std::optional<double> stemsResidual; // max |sum of stems - premaster|, when stems were written
    std::vector<std::string> warnings;
    std::vector<std::string> problems; // RenderJob::problems: tracks that could not be prepared and are silent
    std::filesystem::path reportPath;
    double masteringSeconds = 0;
};

class AIAsyncRenderer {
public:
    AIAsyncRenderer() = default;
    ~AIAsyncRenderer(); // cancels a running render and waits for it
    AIAsyncRenderer(const AIAsyncRenderer&) = delete;
    AIAsyncRenderer& operator=(const AIAsyncRenderer&) = delete;

    /** Starts rendering on the background thread; the job is moved in (the renderer owns its copy). */
    void start(RenderJob job);
    double progress() const { return control_.progress.load(); }
    void cancel() { control_.requestCancel(); }
    bool isRunning() const { return running_.load(); }
    /** Waits for the render to end and returns what happened. */
    RenderReport waitForResult();

    /** The same render on the calling thread. */
    static RenderReport render(const RenderJob& job, JobControl& control);

private:
    JobControl control_;
    std::thread thread_;
    std::atomic<bool> running_ { false };
    RenderReport result_;
};

std::string stemFileName(int index, const std::string& trackName, AudioFileFormat format);

} // namespace loopmind
