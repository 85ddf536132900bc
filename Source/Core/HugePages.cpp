#include "Core/HugePages.h"
#include <cstdint>
#include <sys/mman.h>

namespace loopmind {

void adviseHugePages(const void* data, std::size_t bytes)
{
    constexpr std::uintptr_t hugePage = std::uintptr_t(2) << 20;
    if (data == nullptr || bytes < 2 * hugePage)
        return;
    const auto start = reinterpret_cast<std::uintptr_t>(data), end = start + bytes;
    const auto first = (start + hugePage - 1) & ~(hugePage - 1), last = end & ~(hugePage - 1);
    if (last > first) // advice only: if the kernel says no (THP off, old kernel), nothing changes
        (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

} // namespace loopmind
