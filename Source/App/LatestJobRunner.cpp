#include "App/LatestJobRunner.h"
#include <utility>

namespace loopmind {

LatestJobRunner::LatestJobRunner() { thread_ = std::thread([this] { run(); }); }

LatestJobRunner::~LatestJobRunner()
{
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void LatestJobRunner::submit(std::function<void()> job)
{
    {
        std::lock_guard lock(mutex_);
        next_ = std::move(job);
    }
    wake_.notify_all();
}

void LatestJobRunner::run()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || next_ != nullptr; });
            if (quit_)
                return;
            job = std::exchange(next_, nullptr);
        }
        job();
    }
}

} // namespace loopmind
