// Learned scorer weights (arrange --scorer WEIGHTS.json) on arbitrary bytes, through LinearLoopScorer::fromText
// as load() calls it. Accepted weights must score every loop of a pack to a number in 0..1.
#include "Arrangement/LinearLoopScorer.h"
#include "FuzzSupport.h"
#include <cmath>

using namespace loopmind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto scorer = LinearLoopScorer::fromText(fuzz::asText(data, size), "fuzzed.json");
    if (!scorer) {
        if (scorer.error().empty())
            fuzz::fail("rejected weights without a reason");
        return 0;
    }
    static const auto pack = fuzz::samplePack(124);
    for (const char* key : { "A minor", "F# major" })
        for (const auto& loop : pack) {
            const LoopSlot slot { *loop.role, 124, std::string(key) };
            const double s = scorer.value()->score(loop, slot);
            if (!(s >= 0.0 && s <= 1.0))
                fuzz::fail("a score outside 0..1: " + std::to_string(s));
        }
    return 0;
}
