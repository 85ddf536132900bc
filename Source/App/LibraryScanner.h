#pragma once
// Scans folders/files on its own thread: discovery, analysis (many cores; the analysis cache makes a rescan
// cheap), then waveform thumbnails from the summaries the analysis put in each LoopInfo (no second decode).
// Results reach the message thread through callAsyncIfAlive; progress and cancel are lock-free.
#include "Core/JobControl.h"
#include "Library/LoopInfo.h"
#include "UI/Waveform.h"
#include <atomic>
#include <functional>
#include <set>
#include <thread>

namespace loopmind {

class LibraryScanner {
public:
    using LoopsReady = std::function<void(std::vector<LoopInfo> loops, bool cancelled)>;
    using ThumbnailsReady = std::function<void(ThumbnailMap thumbnails)>;

    explicit LibraryScanner(juce::Component& owner) : owner_(owner) {}
    ~LibraryScanner(); // cancels and waits: the thread never outlives its owner
    LibraryScanner(const LibraryScanner&) = delete;
    LibraryScanner& operator=(const LibraryScanner&) = delete;

    /** Message thread. Callbacks run on the message thread; thumbnails for `known` paths are not recomputed. */
    void start(std::vector<std::filesystem::path> inputs, std::set<std::filesystem::path> known, LoopsReady onLoops,
               ThumbnailsReady onThumbnails);
    bool isRunning() const { return running_.load(); }
    double progress() const { return control_ ? control_->progress.load() : 0.0; }
    void cancel();

private:
    void join();

    juce::Component& owner_;
    std::shared_ptr<JobControl> control_;
    std::thread thread_;
    std::atomic<bool> running_ { false };
};

} // namespace loopmind
