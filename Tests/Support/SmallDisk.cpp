#include "Support/SmallDisk.h"
#include "Support/TestFiles.h"
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace loopmind::test {
namespace fs = std::filesystem;

SmallDisk::SmallDisk(std::uintmax_t bytes)
{
    path_ = fs::temp_directory_path() / ("loopmind-small-disk-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    fs::create_directories(path_);
    const auto command = "mount -t tmpfs -o size=" + std::to_string(bytes) + " tmpfs '" + path_.string() + "' 2>/dev/null";
    mounted_ = ::geteuid() == 0 && std::system(command.c_str()) == 0;
}

SmallDisk::~SmallDisk()
{
    if (mounted_)
        std::system(("umount '" + path_.string() + "'").c_str());
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void SmallDisk::fill(std::uintmax_t leave)
{
    std::ofstream filler(path_ / "filler", std::ios::binary | std::ios::app);
    const std::string block(4096, 'x');
    std::error_code ec;
    while (filler && fs::space(path_, ec).available > leave + block.size()) {
        filler.write(block.data(), std::streamsize(block.size()));
        filler.flush();
    }
}

int SmallDisk::temporaryFiles() const
{
    int count = 0;
    for (const auto& e : fs::recursive_directory_iterator(path_))
        count += e.path().filename().string().find(".tmp-") != std::string::npos ? 1 : 0;
    return count;
}

} // namespace loopmind::test
