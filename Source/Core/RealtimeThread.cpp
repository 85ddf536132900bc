#include "Core/RealtimeThread.h"

namespace loopmind {

namespace {
thread_local int realtimeDepth = 0;
}

bool RealtimeThread::isCurrent() noexcept { return realtimeDepth > 0; }
RealtimeScope::RealtimeScope() noexcept { ++realtimeDepth; }
RealtimeScope::~RealtimeScope() noexcept { --realtimeDepth; }

} // namespace loopmind
