#pragma once
// Runs a RenderPlan's blocks with N worker threads plus the calling (audio) thread. Per block: reset each
// step's pending count and list the steps with none (the sources); every thread takes sources from its end of
// that list, then steps from a lock-free queue; finishing a step decrements its dependants, runs the first that
// reaches zero itself and queues the others. Never allocates or locks
// after construction. Between blocks a worker spins briefly (back-to-back blocks, as in an offline render, then
// start without a system call) and then sleeps on a semaphore; the audio thread posts it only when it sleeps.
// A plan that is a single chain runs on the caller alone; with Scheduling::adaptive, a plan that measures
// faster serially than in parallel runs serially too (SchedulingChooser). Either way the samples are the same.
#include "Engine/RenderPlan.h"
#include "Engine/SchedulingChooser.h"
#include <atomic>
#include <memory>
#include <semaphore>
#include <thread>
#include <vector>

namespace loopmind {

class ParallelPlanRunner {
public:
    enum class Scheduling { adaptive, parallel };
    /** workers = 0: serial. Scheduling::parallel always uses the workers (tests of the parallel path). */
    explicit ParallelPlanRunner(int workers, Scheduling scheduling = Scheduling::adaptive, int maxSteps = 4096);
    ~ParallelPlanRunner();
    ParallelPlanRunner(const ParallelPlanRunner&) = delete;
    ParallelPlanRunner& operator=(const ParallelPlanRunner&) = delete;

    static int defaultWorkerCount(); // cores - 1

    int workerCount() const { return int(threads_.size()); }
    /** Workers adopt this SCHED_FIFO priority (0: normal scheduling) when they next wake. Any thread. */
    void requestWorkerPriority(int realtimePriority) { requestedPriority_.store(realtimePriority); }
    /** Processes one block of plan on the calling thread and the workers. Real-time safe. */
    void process(RenderPlan& plan, int numSamples);

    /** How long an idle worker spins for the next block before it sleeps. */
    static constexpr double spinMicros = 50;

private:
    void processInParallel(RenderPlan& plan, int numSamples);
    void workerLoop();
    bool waitForBlock(unsigned seenGeneration); // false: quit
    /** Takes and executes steps until the block is complete. The caller takes the plan's sources (roots) from the
        front of the list and workers from the back, so a track's chain tends to run on the same core block after
        block, its processors' state still in that core's cache; then everyone takes from the shared queue. */
    void runSteps(bool rootsFromFront);
    int tryTakeRoot(bool fromFront, int& cursor); // -1 when no root is left at this end
    int tryTakeStep();          // -1 when the queue is momentarily empty
    void pushStep(int step);
    void executeStep(int step);
    static bool isChain(const RenderPlan& plan);

    std::vector<std::thread> threads_;
    std::counting_semaphore<1 << 20> wake_ { 0 };
    std::atomic<bool> quit_ { false };
    std::atomic<bool> blockActive_ { false };
    std::atomic<unsigned> generation_ { 0 }; // bumped when a block's steps are ready
    std::atomic<int> sleepers_ { 0 };        // workers that may be blocked on wake_
    std::atomic<int> busyWorkers_ { 0 };
    std::atomic<int> requestedPriority_ { 0 };

    // Per-block state, preallocated to maxSteps.
    RenderPlan* plan_ = nullptr;
    int numSamples_ = 0;
    int stepCount_ = 0;
    std::unique_ptr<std::atomic<int>[]> pending_;
    std::unique_ptr<std::atomic<int>[]> slots_;
    std::unique_ptr<int[]> roots_;                  // this block's sources, in step order
    std::unique_ptr<std::atomic<bool>[]> rootTaken_; // per entry of roots_
    int rootCount_ = 0;
    // Each on a cache line of its own: both threads write them every step, and one shared line would bounce.
    alignas(64) std::atomic<int> head_ { 0 };
    alignas(64) std::atomic<int> tail_ { 0 };
    alignas(64) std::atomic<int> completed_ { 0 };
    int maxSteps_;
    Scheduling scheduling_;
    SchedulingChooser chooser_;
    const RenderPlan* chooserPlan_ = nullptr;
};

} // namespace loopmind
