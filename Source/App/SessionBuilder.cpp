#include "App/SessionBuilder.h"
#include "Render/RenderJobBuilder.h"
#include "UI/AsyncCallback.h"

namespace loopmind {

void SessionBuilder::request(Arrangement song, double sampleRate, std::vector<std::filesystem::path> freezeFolders)
{
    song.sampleRate = sampleRate;
    const int generation = ++requested_;
    latest_->store(generation);
    busy_.store(true);
    runner_.submit([this, song = std::move(song), generation, latest = latest_, folders = std::move(freezeFolders)] {
        if (latest->load() != generation)
            return;
        // The renderer's own preparation, reused: the live engine plays what a render would write.
        OutputSettings output;
        output.freezeFolders = folders;
        auto prepared = prepareArrangementJob(song, output);
        Built built { std::move(prepared.job.tracks), std::move(prepared.job.mixer), prepared.job.lengthInSamples, song.sampleRate, std::move(prepared.problems) };
        callAsyncIfAlive(owner_, [this, latest, generation, built = std::move(built)]() mutable {
            if (latest->load() != generation)
                return; // a newer song was asked for meanwhile
            busy_.store(false);
            onReady_(std::move(built));
        });
    });
}

} // namespace loopmind
