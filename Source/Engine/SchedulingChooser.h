#pragma once
// Picks, block by block, whether a plan runs on the calling thread alone or with the workers. Both give the
// same samples (feeds are summed in a fixed order), so the choice is about time only: a light graph is
// slower in parallel (waking a worker and handing out steps costs more than the nodes), a heavy one is
// faster. The chooser keeps a running average of each mode's block time, runs the faster, and re-measures
// the slower one block in `probeInterval` so that a change of load is noticed. Real-time safe (plain data).
namespace loopmind {

class SchedulingChooser {
public:
    static constexpr int warmUpBlocks = 16;   // alternate modes this many blocks before choosing
    static constexpr int probeInterval = 32;  // then re-measure the other mode once per this many blocks

    void reset() { *this = SchedulingChooser(); }

    /** The mode for the coming block. */
    bool nextIsParallel() const
    {
        if (blocks_ < warmUpBlocks)
            return blocks_ % 2 == 0;
        const bool faster = parallelMicros_ < serialMicros_;
        return blocks_ % probeInterval == 0 ? !faster : faster;
    }

    /** The time the block just processed took in the mode nextIsParallel() gave. */
    void record(bool parallel, double micros)
    {
        // The first block of each mode is cold (caches, a sleeping worker): it does not seed the average.
        // A probe of the slower mode weighs half, so a change of load flips the choice within a few probes.
        auto& average = parallel ? parallelMicros_ : serialMicros_;
        auto& seen = parallel ? parallelBlocks_ : serialBlocks_;
        const bool probe = blocks_ >= warmUpBlocks && blocks_ % probeInterval == 0;
        if (seen == 1)
            average = micros;
        else if (seen > 1)
            average += (micros - average) * (probe ? 0.5 : 0.125);
        ++seen;
        ++blocks_;
    }

private:
    long long blocks_ = 0, serialBlocks_ = 0, parallelBlocks_ = 0;
    double serialMicros_ = 0, parallelMicros_ = 0;
};

} // namespace loopmind
