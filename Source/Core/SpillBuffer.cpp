#include "Core/SpillBuffer.h"
#include "Core/HugePages.h"
#include "Core/PathText.h"
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace loopmind {
namespace {
std::string gigabytes(std::size_t bytes)
{
    char text[32];
    if (bytes >= 1000000000)
        std::snprintf(text, sizeof text, "%.2f GB", double(bytes) / 1e9);
    else
        std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    return text;
}

int openUnnamedFile(const std::filesystem::path& folder)
{
#ifdef O_TMPFILE
    if (const int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); fd >= 0)
        return fd;
#endif
    // Filesystems without O_TMPFILE: a named file, unlinked before anything is written to it.
    auto pattern = (folder / ".loopmind-spill-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd >= 0)
        ::unlink(pattern.c_str());
    return fd;
}
} // namespace

Result<std::unique_ptr<SpillBuffer>> SpillBuffer::create(std::size_t count, const std::filesystem::path& folder,
                                                          std::size_t inMemoryBytes)
{
    using R = Result<std::unique_ptr<SpillBuffer>>;
    std::unique_ptr<SpillBuffer> buffer(new SpillBuffer());
    buffer->count_ = count;
    buffer->bytes_ = std::max<std::size_t>(count, 1) * sizeof(float);
    if (buffer->bytes_ <= inMemoryBytes) {
        void* p = ::mmap(nullptr, buffer->bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return R::failure("not enough memory for " + gigabytes(buffer->bytes_) + " of audio");
        buffer->data_ = static_cast<float*>(p);
        adviseHugePages(p, buffer->bytes_);
        return R::success(std::move(buffer));
    }
    const int fd = openUnnamedFile(folder);
    if (fd < 0)
        return R::failure("cannot create a scratch file in " + pathText(folder) + ": " + std::strerror(errno));
    buffer->fd_ = fd;
    if (const int e = ::posix_fallocate(fd, 0, off_t(buffer->bytes_)); e != 0)
        return R::failure("no room for the " + gigabytes(buffer->bytes_) + " scratch file in " + pathText(folder)
                          + " that a song this long needs while it is mastered (" + std::strerror(e) + ")");
    void* p = ::mmap(nullptr, buffer->bytes_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED)
        return R::failure("cannot map a " + gigabytes(buffer->bytes_) + " scratch file in " + pathText(folder) + ": "
                          + std::strerror(errno));
    buffer->data_ = static_cast<float*>(p);
    buffer->trimmer_ = std::thread([b = buffer.get()] { b->trimWhileAlive(); });
    return R::success(std::move(buffer));
}

void SpillBuffer::trimWhileAlive()
{
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_.wait_for(lock, std::chrono::milliseconds(10), [this] { return stopping_; }))
        (void)::madvise(data_, bytes_, MADV_DONTNEED); // shared file pages: unmapped, not lost
}

SpillBuffer::~SpillBuffer()
{
    if (trimmer_.joinable()) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        stop_.notify_all();
        trimmer_.join();
    }
    if (data_ != nullptr)
        ::munmap(data_, bytes_);
    if (fd_ >= 0)
        ::close(fd_);
}

} // namespace loopmind
