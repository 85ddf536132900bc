#pragma once
// One background thread that runs the newest job it was given: a job submitted while another waits replaces it
// (the user moved on; only the latest request matters). The running job is never interrupted.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace loopmind {

class LatestJobRunner {
public:
    LatestJobRunner();
    ~LatestJobRunner(); // finishes the running job, drops a waiting one
    LatestJobRunner(const LatestJobRunner&) = delete;
    LatestJobRunner& operator=(const LatestJobRunner&) = delete;

    void submit(std::function<void()> job);

private:
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::function<void()> next_;
    bool quit_ = false;
    std::thread thread_;
};

} // namespace loopmind
