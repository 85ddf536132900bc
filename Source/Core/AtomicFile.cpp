#include "Core/AtomicFile.h"
#include "Core/PathText.h"
#include "Core/WriteFailure.h"
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
std::atomic<unsigned> tempCounter { 0 };

bool fsyncPath(const fs::path& p, int flags)
{
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}
} // namespace

AtomicFileWriter::AtomicFileWriter(fs::path destination)
    : destination_(std::move(destination))
{
    // Hidden, in the same folder (rename is atomic only within one file system), unique per process and writer.
    char suffix[48]; // formatted, not concatenated: GCC 12 warns falsely (-Wrestrict) on "x" + std::to_string
    std::snprintf(suffix, sizeof suffix, ".tmp-%d-%u", int(::getpid()), tempCounter.fetch_add(1));
    std::string name(1, '.');
    name.append(destination_.filename().string()).append(suffix);
    temp_ = destination_.parent_path() / name;
}

AtomicFileWriter::~AtomicFileWriter()
{
    if (!finished_)
        abandon();
}

void AtomicFileWriter::abandon()
{
    std::error_code ec;
    fs::remove(temp_, ec);
    finished_ = true;
}

Status AtomicFileWriter::commit()
{
    if (finished_)
        return Status::failure("internal error: " + pathText(destination_) + " was already committed or abandoned");
    if (!fsyncPath(temp_, O_RDONLY)) {
        const auto why = std::string(std::strerror(errno));
        abandon();
        return Status::failure("cannot flush " + pathText(temp_) + ": " + why);
    }
    std::error_code ec;
    fs::rename(temp_, destination_, ec);
    if (ec) {
        abandon();
        return Status::failure("cannot move the finished file into place at " + pathText(destination_) + ": " + ec.message());
    }
    finished_ = true;
    auto folder = destination_.parent_path();
    fsyncPath(folder.empty() ? fs::path(".") : folder, O_RDONLY | O_DIRECTORY);
    return Status::success();
}

Status writeTextFileAtomically(const fs::path& destination, std::string_view content)
{
    AtomicFileWriter writer(destination);
    {
        std::ofstream out(writer.tempPath(), std::ios::binary | std::ios::trunc);
        if (!out)
            return Status::failure("cannot create a file in " + pathText(destination.parent_path()) + ": " + std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out)
            return Status::failure(writeFailure(destination, content.size()));
    }
    if (auto st = writer.commit(); !st)
        return Status::failure(writeFailure(destination, content.size()) + " (" + st.error() + ")");
    return Status::success();
}

} // namespace loopmind
