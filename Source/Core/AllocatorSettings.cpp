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
}

} // namespace loopmind
