#include "Engine/ParallelPlanRunner.h"
#include "Core/ParallelFor.h"
#include "Core/RealtimeThread.h"
#include <algorithm>
#include <chrono>
#include <sched.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LOOPMIND_PAUSE() _mm_pause()
#else
#define LOOPMIND_PAUSE() std::atomic_signal_fence(std::memory_order_seq_cst)
#endif

namespace loopmind {

ParallelPlanRunner::ParallelPlanRunner(int workers, Scheduling scheduling, int maxSteps)
    : pending_(new std::atomic<int>[size_t(maxSteps)]), slots_(new std::atomic<int>[size_t(maxSteps)]),
      roots_(new int[size_t(maxSteps)]), rootTaken_(new std::atomic<bool>[size_t(maxSteps)]), maxSteps_(maxSteps),
      scheduling_(scheduling)
{
    for (int i = 0; i < std::max(0, workers); ++i)
        threads_.emplace_back([this] { workerLoop(); });
}

ParallelPlanRunner::~ParallelPlanRunner()
{
    quit_.store(true);
    wake_.release(std::ptrdiff_t(threads_.size()));
    for (auto& t : threads_)
        t.join();
}

int ParallelPlanRunner::defaultWorkerCount()
{
    return int(coreCount()) - 1;
}

bool ParallelPlanRunner::isChain(const RenderPlan& plan)
{
    int roots = 0;
    for (const auto& s : plan.steps()) {
        roots += s.dependencyCount == 0;
        if (s.dependants.size() > 1 || roots > 1)
            return false;
    }
    return true;
}

void ParallelPlanRunner::pushStep(int step)
{
    const int index = tail_.fetch_add(1, std::memory_order_acq_rel);
    slots_[size_t(index)].store(step, std::memory_order_release);
}

int ParallelPlanRunner::tryTakeStep()
{
    int h = head_.load(std::memory_order_acquire);
    while (h < tail_.load(std::memory_order_acquire)) {
        if (head_.compare_exchange_weak(h, h + 1, std::memory_order_acq_rel)) {
            // The pusher reserved this slot before filling it: the fill follows within a few instructions.
            int step;
            while ((step = slots_[size_t(h)].load(std::memory_order_acquire)) < 0)
                LOOPMIND_PAUSE();
            return step;
        }
    }
    return -1;
}

void ParallelPlanRunner::executeStep(int step)
{
    // The first dependant this step makes ready runs next on this thread, without the queue: a track's
    // player -> inserts -> strip chain stays on one core with its buffers in cache. Others go to the queue.
    while (step >= 0) {
        plan_->processStep(step, numSamples_);
        int next = -1;
        for (const int d : plan_->steps()[size_t(step)].dependants)
            if (pending_[size_t(d)].fetch_sub(1, std::memory_order_acq_rel) == 1) {
                if (next < 0)
                    next = d;
                else
                    pushStep(d);
            }
        completed_.fetch_add(1, std::memory_order_acq_rel);
        step = next;
    }
}

int ParallelPlanRunner::tryTakeRoot(bool fromFront, int& cursor)
{
    for (; cursor >= 0 && cursor < rootCount_; cursor += fromFront ? 1 : -1)
        if (!rootTaken_[size_t(cursor)].exchange(true, std::memory_order_acq_rel))
            return roots_[size_t(cursor)];
    return -1;
}

void ParallelPlanRunner::runSteps(bool rootsFromFront)
{
    int cursor = rootsFromFront ? 0 : rootCount_ - 1;
    while (completed_.load(std::memory_order_acquire) < stepCount_) {
        int step = tryTakeRoot(rootsFromFront, cursor);
        if (step < 0)
            step = tryTakeStep();
        if (step >= 0)
            executeStep(step);
        else
            LOOPMIND_PAUSE(); // a dependency is being processed by another thread: it ends within this block
    }
}

void ParallelPlanRunner::process(RenderPlan& plan, int numSamples)
{
    const int n = int(plan.steps().size());
    if (threads_.empty() || n > maxSteps_ || isChain(plan)) {
        plan.process(numSamples);
        return;
    }
    if (scheduling_ == Scheduling::parallel) {
        processInParallel(plan, numSamples);
        return;
    }
    if (chooserPlan_ != &plan) {
        chooser_.reset();
        chooserPlan_ = &plan;
    }
    // steady_clock reads the vDSO clock: no system call, no lock.
    const bool parallel = chooser_.nextIsParallel();
    const auto start = std::chrono::steady_clock::now();
    if (parallel)
        processInParallel(plan, numSamples);
    else
        plan.process(numSamples);
    chooser_.record(parallel, std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
}

void ParallelPlanRunner::processInParallel(RenderPlan& plan, int numSamples)
{
    const int n = int(plan.steps().size());
    plan_ = &plan;
    numSamples_ = numSamples;
    stepCount_ = n;
    for (int i = 0; i < n; ++i) {
        pending_[size_t(i)].store(plan.steps()[size_t(i)].dependencyCount, std::memory_order_relaxed);
        slots_[size_t(i)].store(-1, std::memory_order_relaxed);
    }
    head_.store(0, std::memory_order_relaxed);
    tail_.store(0, std::memory_order_relaxed);
    completed_.store(0, std::memory_order_relaxed);
    rootCount_ = 0;
    for (int i = 0; i < n; ++i)
        if (plan.steps()[size_t(i)].dependencyCount == 0) {
            rootTaken_[size_t(rootCount_)].store(false, std::memory_order_relaxed);
            roots_[size_t(rootCount_++)] = i;
        }
    blockActive_.store(true, std::memory_order_seq_cst);
    // A spinning worker sees the new generation and starts without a system call. A worker that went to sleep
    // counted itself in sleepers_ before it re-read the generation: with both sides seq_cst, either it sees
    // this bump and stays awake, or this load sees it and posts the semaphore.
    generation_.fetch_add(1, std::memory_order_seq_cst);
    if (const int sleeping = sleepers_.load(std::memory_order_seq_cst); sleeping > 0)
        wake_.release(std::ptrdiff_t(std::min<int>(sleeping, int(threads_.size()))));
    runSteps(true);
    // Dekker-style hand-off (both sides seq_cst): a worker either is counted in busyWorkers_ now, or it will
    // see blockActive_ == false and touch nothing. We wait only for steps already being finished.
    blockActive_.store(false, std::memory_order_seq_cst);
    while (busyWorkers_.load(std::memory_order_seq_cst) > 0)
        LOOPMIND_PAUSE();
}

bool ParallelPlanRunner::waitForBlock(unsigned seenGeneration)
{
    const auto spinUntil = std::chrono::steady_clock::now() + std::chrono::duration<double, std::micro>(spinMicros);
    for (int i = 1;; ++i) {
        if (quit_.load(std::memory_order_acquire))
            return false;
        if (generation_.load(std::memory_order_acquire) != seenGeneration)
            return true;
        if (i % 64 == 0 && std::chrono::steady_clock::now() > spinUntil)
            break;
        LOOPMIND_PAUSE();
    }
    for (;;) {
        sleepers_.fetch_add(1, std::memory_order_seq_cst);
        if (generation_.load(std::memory_order_seq_cst) == seenGeneration && !quit_.load(std::memory_order_seq_cst))
            wake_.acquire(); // a post left over from a race only makes this loop go round once more
        sleepers_.fetch_sub(1, std::memory_order_seq_cst);
        if (quit_.load(std::memory_order_acquire))
            return false;
        if (generation_.load(std::memory_order_acquire) != seenGeneration)
            return true;
    }
}

void ParallelPlanRunner::workerLoop()
{
    RealtimeScope realtime;
    int appliedPriority = 0;
    unsigned seen = generation_.load(std::memory_order_acquire);
    while (waitForBlock(seen)) {
        seen = generation_.load(std::memory_order_acquire);
        if (const int wanted = requestedPriority_.load(); wanted != appliedPriority) {
            // A worker preempted mid-step stalls the audio thread: run at the audio thread's priority.
            // sched_setscheduler on this thread (0) is one system call: no lock, no allocation.
            sched_param param {};
            param.sched_priority = wanted;
            sched_setscheduler(0, wanted > 0 ? SCHED_FIFO : SCHED_OTHER, &param);
            appliedPriority = wanted;
        }
        busyWorkers_.fetch_add(1, std::memory_order_seq_cst);
        if (blockActive_.load(std::memory_order_seq_cst))
            runSteps(false);
        busyWorkers_.fetch_sub(1, std::memory_order_seq_cst);
    }
}

} // namespace loopmind
