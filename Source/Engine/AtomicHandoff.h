#pragma once
// Hands heap objects from the message thread to the audio thread and back without locks or allocation on the
// audio side: one pending slot (message -> audio, newest wins) and a ring of retired objects (audio -> message)
// that only the message thread frees. The audio thread never deletes anything.
#include <atomic>
#include <memory>

namespace loopmind {

template <typename T>
class AtomicHandoff {
public:
    AtomicHandoff() = default;
    AtomicHandoff(const AtomicHandoff&) = delete;
    AtomicHandoff& operator=(const AtomicHandoff&) = delete;
    ~AtomicHandoff()
    {
        delete pending_.exchange(nullptr);
        releaseRetired();
    }

    /** Message thread: hand `next` over. One the audio thread has not taken yet never will be: it is freed here. */
    void publish(std::unique_ptr<T> next) { delete pending_.exchange(next.release(), std::memory_order_acq_rel); }

    /** Audio thread: the newest published object, or nullptr. Only hands one out while `retireRoom` objects can
        be retired (so what it replaces never has to be freed here); otherwise it waits for the next call. */
    T* take(int retireRoom = 1)
    {
        const int w = retiredWrite_.load(std::memory_order_relaxed);
        for (int i = 0; i < retireRoom; ++i)
            if (retired_[(w + i) % capacity].load(std::memory_order_acquire) != nullptr)
                return nullptr; // the message thread is behind on freeing
        return pending_.exchange(nullptr, std::memory_order_acq_rel);
    }

    /** Audio thread: give an object back for the message thread to free. False (and the caller keeps it) when
        the ring is full; never fails for the objects a successful take(retireRoom) made room for. */
    bool retire(T* old)
    {
        if (old == nullptr)
            return true;
        const int w = retiredWrite_.load(std::memory_order_relaxed);
        if (retired_[w % capacity].load(std::memory_order_acquire) != nullptr)
            return false;
        retired_[w % capacity].store(old, std::memory_order_release);
        retiredWrite_.store(w + 1, std::memory_order_relaxed);
        return true;
    }

    /** Message thread: free what the audio thread has let go of. */
    void releaseRetired()
    {
        for (;;) {
            auto* old = retired_[retiredRead_ % capacity].exchange(nullptr, std::memory_order_acq_rel);
            if (old == nullptr)
                return;
            delete old;
            ++retiredRead_;
        }
    }

private:
    static constexpr int capacity = 64;
    std::atomic<T*> pending_ { nullptr };
    std::atomic<T*> retired_[capacity] {};
    std::atomic<int> retiredWrite_ { 0 };
    int retiredRead_ = 0; // message thread
};

} // namespace loopmind
