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
            const auto index = size_t(found - job.tracks.begin());
            for (const auto& folder : folders)
                if (auto read = readFreezeFile(freezeFilePath(folder, job, index), job.sampleRate, job.lengthInSamples)) {
                    done.audio = read.value();
                    break;
                }
            if (done.audio == nullptr) {
                if (auto rendered = renderFrozenTrack(job, index, *control)) {
                    done.audio = rendered.value();
                    if (!folders.empty())
                        if (auto st = writeFreezeFile(*done.audio, job.sampleRate, freezeFilePath(folders.front(), job, index)); !st)
                            done.error = st.error(); // frozen in memory only: the next session will freeze it again
                } else {
                    done.error = rendered.error();
                }
            }
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
