#pragma once
// A large fixed-size float array for offline work (a song's premaster): in anonymous memory while it is small, and
// past a size in a shared mapping of an unnamed file in a given folder, so a 2-hour premaster (2.5 GB) is paged to
// disk by the kernel instead of taking the machine's memory. The file's blocks are reserved up front
// (posix_fallocate): a full disk fails here with a clear error, never later as SIGBUS on a write into the mapping.
// The file has no name (O_TMPFILE, else unlinked at once), so a killed job leaves nothing behind.
// A mapped file's pages still count as the process's memory while they are mapped in, so a file-backed buffer has a
// thread that drops its pages from the process every 10 ms (madvise DONTNEED): for a shared file mapping that loses
// nothing (the data stays in the file and the page cache, and the next touch maps it back), so it is safe while
// other threads read and write it, and the process's resident memory stays near what 10 ms of work touches.
#include "Core/Result.h"
#include <cstddef>
#include <filesystem>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace loopmind {

class SpillBuffer {
public:
    /** Zeroed floats; in memory when count * 4 <= inMemoryBytes, else file-backed in `folder`. */
    static Result<std::unique_ptr<SpillBuffer>> create(std::size_t count, const std::filesystem::path& folder,
                                                       std::size_t inMemoryBytes);
    ~SpillBuffer();
    SpillBuffer(const SpillBuffer&) = delete;
    SpillBuffer& operator=(const SpillBuffer&) = delete;

    float* data() { return data_; }
    std::size_t size() const { return count_; }
    bool fileBacked() const { return fd_ >= 0; }

    /** Where large premasters spill: 256 MiB, about 11 minutes of stereo float at 48 kHz. */
    static constexpr std::size_t defaultInMemoryBytes = std::size_t(256) << 20;

private:
    SpillBuffer() = default;
    void trimWhileAlive();
    float* data_ = nullptr;
    std::size_t count_ = 0, bytes_ = 0;
    int fd_ = -1;
    std::mutex mutex_; // for the trimmer's sleep only (an offline buffer: never the audio thread's)
    std::condition_variable stop_;
    bool stopping_ = false;
    std::thread trimmer_;
};

} // namespace loopmind
