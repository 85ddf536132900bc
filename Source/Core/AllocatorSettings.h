#pragma once
// How the C library's allocator is set up for a long session. glibc gives each new thread that allocates while
// another holds an arena an arena of its own, up to 8 per core, and memory freed in one arena is kept for that
// arena. Renders, freezes and scans each run on fresh threads at the same time, so a session's resident memory crept
// up by ~8 MB a minute in the soak bench without a leak (tested: one arena, no growth). Few arenas bound that; fixed
// mmap and trim thresholds keep a freed large buffer from staying resident at the top of an arena.
namespace loopmind {

/** Call first thing in main() of the app, the CLI and the bench. */
void configureAllocatorForLongSessions();

} // namespace loopmind
