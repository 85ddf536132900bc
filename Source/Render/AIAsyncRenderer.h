#pragma once
// Renders a RenderJob faster than real time on a background thread, with its own private
// juce::AudioProcessorGraph (never the live one), writing the mix and stems atomically.
#include "Core/JobControl.h"
#include "Render/RenderJob.h"
#include <thread>

namespace loopmind {

struct RenderReport {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    std::filesystem::path mixPath;
    std::vector<std::filesystem::path> stemPaths;
    double lengthSeconds = 0;
    double renderSeconds = 0;
    double mixPeakDb = -200;
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
