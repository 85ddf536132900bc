#pragma once
// Runs a RenderPlan's blocks with N worker threads plus the calling (audio) thread. Per block: reset each
// step's pending count, queue the steps with none, and let every thread take steps from a lock-free queue;
// finishing a step decrements its dependants and queues those reaching zero. Never allocates or locks
// after construction. Idle workers sleep on a semaphore. A plan that is a single chain runs on the caller alone.
#include "Engine/RenderPlan.h"
#include <atomic>
#include <memory>
#include <semaphore>
#include <thread>
#include <vector>

namespace loopmind {

class ParallelPlanRunner {
public:
    /** workers = 0: serial. The runner serves one plan at a time; setPlan() only between blocks. */
    explicit ParallelPlanRunner(int workers, int maxSteps = 4096);
    ~ParallelPlanRunner();
    ParallelPlanRunner(const ParallelPlanRunner&) = delete;
    ParallelPlanRunner& operator=(const ParallelPlanRunner&) = delete;

    static int defaultWorkerCount(); // cores - 1

    int workerCount() const { return int(threads_.size()); }
    /** Workers adopt this SCHED_FIFO priority (0: normal scheduling) when they next wake. Any thread. */
    void requestWorkerPriority(int realtimePriority) { requestedPriority_.store(realtimePriority); }
    /** Processes one block of plan on the calling thread and the workers. Real-time safe. */
    void process(RenderPlan& plan, int numSamples);

private:
    void workerLoop();
    void runSteps();            // take and execute steps until the block is complete
    int tryTakeStep();          // -1 when the queue is momentarily empty
    void pushStep(int step);
    void executeStep(int step);
    static bool isChain(const RenderPlan& plan);

    std::vector<std::thread> threads_;
    std::counting_semaphore<1 << 20> wake_ { 0 };
    std::atomic<bool> quit_ { false };
    std::atomic<bool> blockActive_ { false };
    std::atomic<int> busyWorkers_ { 0 };
    std::atomic<int> requestedPriority_ { 0 };

    // Per-block state, preallocated to maxSteps.
    RenderPlan* plan_ = nullptr;
    int numSamples_ = 0;
    int stepCount_ = 0;
    std::unique_ptr<std::atomic<int>[]> pending_;
    std::unique_ptr<std::atomic<int>[]> slots_;
    std::atomic<int> head_ { 0 }, tail_ { 0 }, completed_ { 0 };
    int maxSteps_;
};

} // namespace loopmind
