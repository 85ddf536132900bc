// Engine/CallbackTiming: a callback slower than its block counts as over budget; one that starts more than a
// block late counts as a late start; a reset starts afresh. Sleeps only ever make the measured times longer, so
// the assertions hold on a loaded machine.
#include "Engine/CallbackTiming.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace loopmind;
using namespace std::chrono_literals;

TEST_CASE("callback timing counts callbacks over their budget and late starts", "[engine]")
{
    CallbackTiming timing;
    constexpr double rate = 48000;
    constexpr int block = 48; // 1 ms

    auto start = timing.begin();
    std::this_thread::sleep_for(3ms); // 3 ms of "processing" for a 1 ms block
    timing.end(start, block, rate);
    auto f = timing.figures();
    CHECK(f.callbacks == 1);
    CHECK(f.overBudget == 1);
    CHECK(f.longestMicros >= 3000);
    CHECK(f.longestBudgetMicros == Approx(1000).margin(1));
    CHECK(f.lateStarts == 0);
    CHECK(f.load > 0.0f); // the meter moved towards 300 %

    std::this_thread::sleep_for(5ms); // the next callback starts over two blocks after the last one
    start = timing.begin();
    timing.end(start, 48000, rate); // a 1 s block: well inside its budget
    f = timing.figures();
    CHECK(f.callbacks == 2);
    CHECK(f.overBudget == 1);
    CHECK(f.lateStarts == 1);
    CHECK(f.longestGapMicros >= 8000);

    timing.reset();
    start = timing.begin();
    timing.end(start, 48000, rate);
    f = timing.figures();
    CHECK(f.callbacks == 1);
    CHECK(f.overBudget == 0);
    CHECK(f.lateStarts == 0);
    CHECK(f.longestGapMicros == 0);
}
