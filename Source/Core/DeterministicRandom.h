#pragma once
// A seeded generator whose every output is defined here, so the same seed gives the same song on any
// machine and compiler. Never use std::*_distribution (implementation-defined) or clock seeds.
#include <cstdint>

namespace loopmind {

class DeterministicRandom {
public:
    explicit DeterministicRandom(std::uint64_t seed) : state_(seed) {}

    /** SplitMix64 (Steele, Lea, Flood 2014). */
    std::uint64_t nextU64()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /** Uniform integer in [0, bound), without modulo bias (rejection sampling). */
    std::uint64_t nextBelow(std::uint64_t bound)
    {
        if (bound <= 1)
            return 0;
        const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % bound);
        std::uint64_t x;
        do { x = nextU64(); } while (x >= limit);
        return x % bound;
    }

    /** Uniform in [0, 1) with 53 bits. */
    double nextUnit() { return double(nextU64() >> 11) * (1.0 / 9007199254740992.0); }

    bool nextChance(double probability) { return nextUnit() < probability; }

private:
    std::uint64_t state_;
};

} // namespace loopmind
