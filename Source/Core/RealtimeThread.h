#pragma once
// Marks the threads that must never allocate, lock, log or touch files: the audio callback and the
// engine workers. Tests hook the allocator and pthread locks and count what happens on marked threads.
namespace loopmind {

struct RealtimeThread {
    /** True on a thread inside a RealtimeScope. */
    static bool isCurrent() noexcept;
};

/** Marks the current thread real-time for the scope's lifetime (nests). */
class RealtimeScope {
public:
    RealtimeScope() noexcept;
    ~RealtimeScope() noexcept;
    RealtimeScope(const RealtimeScope&) = delete;
    RealtimeScope& operator=(const RealtimeScope&) = delete;
};

} // namespace loopmind
