#include "App/FreezeTask.h"
#include "Render/RenderJobBuilder.h"
#include "Render/StemFreezer.h"
#include "UI/AsyncCallback.h"

namespace loopmind {

bool FreezeTask::start(Arrangement song, int lane, double sampleRate, std::vector<std::filesystem::path> folders, std::function<void(Done)> onDone)
{
    if (isRunning() || lane < 0 || lane >= int(song.tracks.size()))
        return false;
    lane_ = lane;
    control_ = std::make_shared<JobControl>();
    song.sampleRate = sampleRate;
    song.tracks[size_t(lane)].frozen = false; // what it freezes is the live track
    runner_.submit([this, song = std::move(song), lane, folders = std::move(folders), onDone = std::move(onDone), control = control_] {
        Done done;
        done.lane = lane;
        OutputSettings output;
        output.freezeFolders = folders;
        auto prepared = prepareArrangementJob(song, output);
        auto& job = prepared.job;
        const auto& name = song.tracks[size_t(lane)].name;
        const auto found = std::find_if(job.tracks.begin(), job.tracks.end(), [&](const auto& t) { return t.name == name; });
        if (found == job.tracks.end()) {
            done.error = prepared.problems.empty() ? "the track could not be prepared" : prepared.problems.front();
        } else {
            // A write that fails leaves it frozen in memory only: the next session freezes it again.
            auto frozen = freezeTrack(job, size_t(found - job.tracks.begin()), folders, *control, done.error);
            if (frozen)
                done.audio = frozen.value();
            else
                done.error = frozen.error();
        }
        done.cancelled = control->cancelled();
        if (done.cancelled)
            done.audio = nullptr;
        callAsyncIfAlive(owner_, [this, done = std::move(done), onDone] {
            lane_ = -1;
            control_ = nullptr;
            onDone(done);
        });
    });
    return true;
}

} // namespace loopmind
