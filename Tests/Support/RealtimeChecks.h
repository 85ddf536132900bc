#pragma once
// Counts allocations and mutex locks made on threads marked real-time (loopmind::RealtimeScope).
// Active in normal builds; sanitizer builds own the allocator, so there the counters stay unavailable.

namespace loopmind::test {

struct RealtimeViolations {
    long allocations = 0;
    long locks = 0;
};

bool realtimeChecksAvailable();
void resetRealtimeViolations();
RealtimeViolations realtimeViolations();

} // namespace loopmind::test
