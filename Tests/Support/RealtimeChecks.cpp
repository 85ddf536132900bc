// Replaces the allocator (malloc family and operator new) and pthread_mutex_lock for the whole test binary,
// counting calls made on real-time threads. Forwarding goes to glibc's own entry points.
#include "Support/RealtimeChecks.h"
#include "Core/RealtimeThread.h"
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define LOOPMIND_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define LOOPMIND_SANITIZED 1
#endif

namespace {
std::atomic<long> allocations { 0 }, locks { 0 };
inline void noteAllocation()
{
    if (loopmind::RealtimeThread::isCurrent())
        allocations.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

namespace loopmind::test {
#ifdef LOOPMIND_SANITIZED
bool realtimeChecksAvailable() { return false; }
#else
bool realtimeChecksAvailable() { return true; }
#endif
void resetRealtimeViolations() { allocations = 0; locks = 0; }
RealtimeViolations realtimeViolations() { return { allocations.load(), locks.load() }; }
} // namespace loopmind::test

#ifndef LOOPMIND_SANITIZED
#include <dlfcn.h>
#include <pthread.h>

extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
void __libc_free(void*);

void* malloc(size_t n) { noteAllocation(); return __libc_malloc(n); }
void* calloc(size_t n, size_t s) { noteAllocation(); return __libc_calloc(n, s); }
void* realloc(void* p, size_t n) { noteAllocation(); return __libc_realloc(p, n); }
void* memalign(size_t a, size_t n) { noteAllocation(); return __libc_memalign(a, n); }
void* aligned_alloc(size_t a, size_t n) { noteAllocation(); return __libc_memalign(a, n); }
int posix_memalign(void** out, size_t a, size_t n)
{
    noteAllocation();
    *out = __libc_memalign(a, n);
    return *out ? 0 : 12 /* ENOMEM */;
}
void free(void* p)
{
    if (p != nullptr) // freeing on the audio thread takes the allocator too
        noteAllocation();
    __libc_free(p);
}

using LockFunction = int (*)(pthread_mutex_t*);
static LockFunction realLock = reinterpret_cast<LockFunction>(dlsym(RTLD_NEXT, "pthread_mutex_lock"));
int pthread_mutex_lock(pthread_mutex_t* m)
{
    if (loopmind::RealtimeThread::isCurrent())
        locks.fetch_add(1, std::memory_order_relaxed);
    return realLock(m);
}
}

void* operator new(std::size_t n)
{
    noteAllocation();
    if (void* p = __libc_malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { noteAllocation(); return __libc_malloc(n ? n : 1); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { noteAllocation(); return __libc_malloc(n ? n : 1); }
void* operator new(std::size_t n, std::align_val_t a)
{
    noteAllocation();
    if (void* p = __libc_memalign(std::size_t(a), n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) { return operator new(n, a); }
void operator delete(void* p) noexcept { __libc_free(p); }
void operator delete[](void* p) noexcept { __libc_free(p); }
void operator delete(void* p, std::size_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::size_t) noexcept { __libc_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { __libc_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { __libc_free(p); }
#endif
