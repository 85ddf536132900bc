// The exact-length evidence for tempo (Analysis/ExactBeatFit): what fits, and how often a random length fits by
// chance (the figure docs/ANALYSIS.md quotes), counted over seeded random lengths rather than only derived.
#include "Analysis/ExactBeatFit.h"
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>

using namespace loopmind::analysis::detail;

TEST_CASE("a length of whole beats at a whole BPM fits to the sample, either rounding", "[analysis]")
{
    // 8 beats at 97 BPM at 44.1 kHz: 218,226.8 samples, cut as 218,226 or 218,227.
    CHECK(wholeBpmFit(218227, 44100.0, 8, 50, 220) == 97);
    CHECK(wholeBpmFit(218226, 44100.0, 8, 50, 220) == 97);
    CHECK(wholeBpmFit(218229, 44100.0, 8, 50, 220) == 0);
    CHECK(wholeBpmFit(218227, 44100.0, 16, 50, 220) == 194);
    CHECK(wholeBpmFit(218227, 44100.0, 7, 50, 220) == 0); // 84.9 BPM: not whole
}

TEST_CASE("a random length fits some whole BPM about 1.1 % of the time at 44.1 kHz", "[analysis]")
{
    std::mt19937 rng(13);
    int fits = 0;
    const int trials = 20000;
    for (int i = 0; i < trials; ++i) {
        const auto samples = std::int64_t(2.0 * 44100 + rng() % (6 * 44100)); // 2-8 s
        for (int beats = 1; beats <= 64; ++beats)
            if (wholeBpmFit(samples, 44100.0, beats, 50, 220) > 0) {
                ++fits;
                break;
            }
    }
    const double measured = double(fits) / trials;
    const double predicted = chanceOfWholeBpmFit(2.0, 8.0, 44100.0, 50, 220);
    WARN("whole-BPM fit by chance: counted " << predicted << ", sampled " << measured);
    CHECK(predicted == Approx(0.0115).margin(0.002));
    CHECK(measured == Approx(predicted).margin(0.003));
}
