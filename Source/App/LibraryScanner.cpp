#include "App/LibraryScanner.h"
#include "Library/AnalysisCache.h"
#include "Library/FileDiscovery.h"
#include "Library/LoopAnalyser.h"
#include "UI/AsyncCallback.h"

namespace loopmind {

namespace {
constexpr double analysisShare = 0.98; // of the progress bar; thumbnails (no decoding) take the rest
}

LibraryScanner::~LibraryScanner()
{
    cancel();
    join();
}

void LibraryScanner::cancel()
{
    if (control_)
        control_->requestCancel();
}

void LibraryScanner::join()
{
    if (thread_.joinable())
        thread_.join();
}

void LibraryScanner::start(std::vector<std::filesystem::path> inputs, std::set<std::filesystem::path> known, LoopsReady onLoops,
                           ThumbnailsReady onThumbnails)
{
    cancel();
    join();
    control_ = std::make_shared<JobControl>();
    running_.store(true);
    thread_ = std::thread([this, control = control_, inputs = std::move(inputs), known = std::move(known),
                           onLoops = std::move(onLoops), onThumbnails = std::move(onThumbnails)] {
        auto found = discoverAudioFiles(inputs);
        // analyseLoopFiles reports into its own control; mirror it into ours scaled to the analysis share.
        JobControl analysis;
        std::atomic<bool> analysing { true };
        std::thread mirror([&] {
            while (analysing.load()) {
                if (control->cancelled())
                    analysis.requestCancel();
                control->progress.store(analysis.progress.load() * analysisShare);
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
            }
        });
        // The same cache as the CLI: a rescan of unchanged files decodes nothing. Without it, analyse anyway.
        std::unique_ptr<AnalysisCache> cache;
        if (auto opened = AnalysisCache::open(AnalysisCache::defaultLocation()))
            cache = std::move(opened.value());
        auto loops = analyseLoopFiles(found.files, 0, analysis, cache.get());
        analysing.store(false);
        mirror.join();
        for (const auto& p : found.problems) {
            LoopInfo bad;
            bad.path = p.path;
            bad.error = p.error;
            loops.push_back(std::move(bad));
        }
        const bool cancelled = control->cancelled();
        ThumbnailMap thumbnails;
        for (const auto& l : loops)
            if (l.ok && !known.count(l.path))
                if (auto t = thumbnailFromSummary(l.waveform))
                    thumbnails[l.path] = std::move(t);
        callAsyncIfAlive(owner_, [onLoops, loops = std::move(loops), cancelled]() mutable { onLoops(std::move(loops), cancelled); });
        control->progress.store(1.0);
        running_.store(false);
        callAsyncIfAlive(owner_, [onThumbnails, thumbnails = std::move(thumbnails)]() mutable { onThumbnails(std::move(thumbnails)); });
    });
}

} // namespace loopmind
