#include "App/SessionBuilder.h"
#include "Render/RenderJobBuilder.h"
#include "UI/AsyncCallback.h"

namespace loopmind {

SessionBuilder::SessionBuilder(juce::Component& owner, Ready onReady) : owner_(owner), onReady_(std::move(onReady))
{
    thread_ = std::thread([this] { run(); });
}

SessionBuilder::~SessionBuilder()
{
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void SessionBuilder::request(Arrangement song, double sampleRate)
{
    song.sampleRate = sampleRate;
    latest_->store(++requested_);
    busy_.store(true);
    {
        std::lock_guard lock(mutex_);
        next_ = std::move(song);
    }
    wake_.notify_all();
}

void SessionBuilder::run()
{
    for (;;) {
        Arrangement song;
        int generation = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || next_.has_value(); });
            if (quit_)
                return;
            song = std::move(*next_);
            next_.reset();
            generation = latest_->load();
        }
        // The renderer's own preparation, reused: the live engine plays what a render would write.
        auto prepared = prepareArrangementJob(song, OutputSettings {});
        Built built { std::move(prepared.job.tracks), prepared.job.lengthInSamples, std::move(prepared.problems) };
        callAsyncIfAlive(owner_, [this, latest = latest_, generation, built = std::move(built)]() mutable {
            if (latest->load() != generation)
                return; // a newer song was asked for meanwhile
            busy_.store(false);
            onReady_(std::move(built));
        });
    }
}

} // namespace loopmind
