#include "Core/AllocatorSettings.h"
#include <algorithm>
#include <malloc.h>
#include <thread>

namespace loopmind {

void configureAllocatorForLongSessions()
{
    // Enough arenas that the analysis pool's threads rarely wait for each other, few enough that they are reused.
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    ::mallopt(M_ARENA_MAX, std::clamp(cores, 2, 4));
    // Fixed thresholds (setting them turns off glibc's dynamic ones): a buffer of 2 MiB or more (a frozen track, a
    // prepared stem, a render's scratch) is mapped on its own and given back whole when freed. Left dynamic, the
    // threshold rises to the largest buffer freed so far, later such buffers come from an arena, and a freed one at
    // the top of an arena other than the main one stays resident (malloc_trim only trims the main arena's top).
    constexpr int twoMiB = 2 << 20;
    ::mallopt(M_MMAP_THRESHOLD, twoMiB);
    ::mallopt(M_TRIM_THRESHOLD, twoMiB);
}

} // namespace loopmind
